package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.Bits;

/**
 * Stored documents read back as {@link Article}s: one article by id, or every live article (passage documents are
 * skipped). Every field of an article is stored, so an article can be written again (with its passages) without
 * reading its source.
 */
public final class StoredArticles {
  private StoredArticles() {}

  /** The live article with this id, if any. */
  public static Optional<Article> byId(IndexSearcher searcher, String id) throws IOException {
    TopDocs top = searcher.search(new TermQuery(new Term(ArchiveFields.ID, id)), 1);
    if (top.scoreDocs.length == 0) {
      return Optional.empty();
    }
    return Optional.of(toArticle(searcher.storedFields().document(top.scoreDocs[0].doc)));
  }

  /** Calls {@code visitor} with every live article, in index order. */
  public static void forEach(IndexSearcher searcher, Visitor visitor) throws IOException {
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Bits live = leaf.reader().getLiveDocs();
      StoredFields stored = leaf.reader().storedFields();
      for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
        if ((live == null || live.get(doc)) && ArticleBlocks.isArticle(leaf, doc)) {
          visitor.visit(toArticle(stored.document(doc, FIELDS)));
        }
      }
    }
  }

  /** Receives articles one at a time. */
  @FunctionalInterface
  public interface Visitor {
    void visit(Article article) throws IOException;
  }

  /** The stored fields an {@link Article} is read back from (passage fields and the embedding mark are not). */
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

  /** The article of a stored document read with {@link #FIELDS}. */
  static Article read(Document doc) {
    return toArticle(doc);
  }

  /** The article a stored document holds. */
  static Article toArticle(Document doc) {
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
