package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * An article as the index stores it, in full: for a page that shows one article.
 *
 * @param id article id
 * @param title title, possibly empty
 * @param source publisher, possibly empty
 * @param url link to the original, or {@code null}
 * @param published publication time, or {@code null}
 * @param tags tags as written
 * @param authors authors
 * @param body full text
 */
public record StoredArticle(
    String id,
    String title,
    String source,
    String url,
    Instant published,
    List<String> tags,
    List<String> authors,
    String body) {
  public StoredArticle {
    title = title == null ? "" : title;
    source = source == null ? "" : source;
    body = body == null ? "" : body;
    tags = List.copyOf(tags);
    authors = List.copyOf(authors);
  }

  /** The article stored in {@code doc}. */
  public static StoredArticle of(Document doc) {
    IndexableField published = doc.getField(ArchiveFields.PUBLISHED);
    return new StoredArticle(
        doc.get(ArchiveFields.ID),
        doc.get(ArchiveFields.TITLE),
        doc.get(ArchiveFields.SOURCE),
        doc.get(ArchiveFields.URL),
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
        List.of(doc.getValues(ArchiveFields.TAG)),
        List.of(doc.getValues(ArchiveFields.AUTHOR)),
        doc.get(ArchiveFields.BODY));
  }
}
