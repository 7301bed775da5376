package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;

/**
 * Articles as stored in the index: every field of {@link Article} is stored, so an article document can be written
 * again (with its passages) without reading its source file.
 */
final class StoredArticles {
  static final Set<String> FIELDS =
      Set.of(
          ArchiveFields.ID,
          ArchiveFields.TITLE,
          ArchiveFields.BODY,
          ArchiveFields.PUBLISHED,
          ArchiveFields.SOURCE,
          ArchiveFields.URL,
          ArchiveFields.AUTHOR,
          ArchiveFields.TAG,
          ArchiveFields.ORIGIN,
          ArchiveFields.HASH);

  private StoredArticles() {}

  /** The article of a stored document read with {@link #FIELDS}. */
  static Article read(Document doc) {
    IndexableField published = doc.getField(ArchiveFields.PUBLISHED);
    return new Article(
        doc.get(ArchiveFields.ID),
        doc.get(ArchiveFields.TITLE),
        doc.get(ArchiveFields.BODY),
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
        doc.get(ArchiveFields.SOURCE),
        doc.get(ArchiveFields.URL),
        List.of(doc.getValues(ArchiveFields.AUTHOR)),
        List.of(doc.getValues(ArchiveFields.TAG)),
        doc.get(ArchiveFields.ORIGIN),
        doc.get(ArchiveFields.HASH));
  }
}
