package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;

/**
 * The stored fields a search hit shows, read straight into their values: a search reads ten articles, and building
 * a {@code Document} of field objects for each, then looking every field up in it by name, cost about as much as
 * reading the stored bytes. The values are those {@code Document.get} would give (the first of each field).
 */
final class HitFields extends StoredFieldVisitor {
  private String id;
  private String title;
  private String body;
  private String source;
  private String url;
  private Instant published;
  private final List<String> tags = new ArrayList<>(4);
  private BytesRef sentences;

  private HitFields() {}

  /** The display fields of document {@code doc}. */
  static HitFields read(StoredFields stored, int doc) throws IOException {
    HitFields fields = new HitFields();
    stored.document(doc, fields);
    return fields;
  }

  @Override
  public Status needsField(FieldInfo field) {
    return switch (field.name) {
      case ArchiveFields.ID, ArchiveFields.TITLE, ArchiveFields.BODY, ArchiveFields.BODY_SENTENCES,
          ArchiveFields.SOURCE, ArchiveFields.URL, ArchiveFields.PUBLISHED, ArchiveFields.TAG -> Status.YES;
      default -> Status.NO;
    };
  }

  @Override
  public void stringField(FieldInfo field, String value) {
    switch (field.name) {
      case ArchiveFields.ID -> id = id == null ? value : id;
      case ArchiveFields.TITLE -> title = title == null ? value : title;
      case ArchiveFields.BODY -> body = body == null ? value : body;
      case ArchiveFields.SOURCE -> source = source == null ? value : source;
      case ArchiveFields.URL -> url = url == null ? value : url;
      case ArchiveFields.TAG -> tags.add(value);
      default -> { }
    }
  }

  @Override
  public void longField(FieldInfo field, long value) {
    if (ArchiveFields.PUBLISHED.equals(field.name) && published == null) {
      published = Instant.ofEpochMilli(value);
    }
  }

  @Override
  public void binaryField(FieldInfo field, byte[] value) {
    if (ArchiveFields.BODY_SENTENCES.equals(field.name) && sentences == null) {
      sentences = new BytesRef(value);
    }
  }

  /** The body, or {@code null} when none is stored. */
  String body() {
    return body;
  }

  /** The body's stored sentences ({@link StoredSentences#of(org.apache.lucene.document.Document, String)}). */
  List<Passages.Sentence> sentences() {
    return body == null ? null : StoredSentences.decode(sentences, body.length());
  }

  /** The hit, as {@link ArticleSearch#hit} makes it from a stored document. */
  SearchHit hit(float score, MarkedText snippet) {
    return new SearchHit(id, title, source, url, published, score, snippet, List.copyOf(tags));
  }
}
