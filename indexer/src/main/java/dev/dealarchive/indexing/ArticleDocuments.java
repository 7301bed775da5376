package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import dev.dealarchive.article.ContentHash;
import dev.dealarchive.search.StoredSentences;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/**
 * Turns articles into Lucene documents, one field per role, as Lucene's demo {@code IndexFiles} builds them: {@link
 * KeywordField} for a value looked up as one term that also needs doc values, {@link LongField} for the publication
 * time (points, doc values and the stored value in one field). Schema {@value ArchiveFields#SCHEMA_VERSION}; indexes
 * of schema 2 (the same fields spelled as separate term, point and doc-values fields, whose doc-values types differ)
 * are read as they are and rewritten by {@link SchemaUpgrade} when first opened for writing.
 */
public final class ArticleDocuments {
  private ArticleDocuments() {}

  /** The document for an article. */
  public static Document toDocument(Article article) {
    return toDocument(article, ContentHash.sameStoryKey(article.title(), article.body()));
  }

  /**
   * The document for an article whose same-story key the caller has already computed (the indexer needs it for
   * its duplicate check; hashing the whole text again would cost a few percent of a build).
   *
   * @param storyKey {@code ContentHash.sameStoryKey(article.title(), article.body())}
   */
  public static Document toDocument(Article article, String storyKey) {
    Document doc = new Document();
    // The id: looked up and deleted by its one term; its doc values order ties (RelevanceTop) and tell an article
    // document from a passage document (ArticleBlocks.articles()); stored for hits.
    doc.add(new KeywordField(ArchiveFields.ID, article.id(), Field.Store.YES));
    // Title and body twice: stemmed for recall (stored: hits, snippets and answers read them) and exact, for quoted
    // phrases and the bonus of an exact word form (not stored: the stemmed field holds the same text).
    doc.add(new TextField(ArchiveFields.TITLE, article.title(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.TITLE_EXACT, article.title(), Field.Store.NO));
    doc.add(new TextField(ArchiveFields.BODY, article.body(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.BODY_EXACT, article.body(), Field.Store.NO));
    // Sentence boundaries, stored only: cut once here rather than at every search that shows the article (a few
    // microseconds per article).
    doc.add(new StoredField(ArchiveFields.BODY_SENTENCES, StoredSentences.of(article.body())));
    if (article.published() != null) {
      // Publication time: points for date filters, doc values for newest-first order, ties and the month facet;
      // stored for hits. An undated article has none of them and sorts last.
      doc.add(new LongField(ArchiveFields.PUBLISHED, article.published().toEpochMilli(), Field.Store.YES));
    }
    // Source: stored as written for hits; doc values for counting by source; its words for source: filters.
    doc.add(new StoredField(ArchiveFields.SOURCE, article.source()));
    doc.add(new TextField(ArchiveFields.SOURCE_KEY, article.source(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ArchiveFields.SOURCE, new BytesRef(article.source())));
    for (String tag : article.tags()) {
      // Tags: stored as written for hits; lower-cased, one term each for tag: filters and doc values for counting.
      doc.add(new StoredField(ArchiveFields.TAG, tag));
      doc.add(new KeywordField(ArchiveFields.TAG_KEY, key(tag), Field.Store.NO));
    }
    if (article.url() != null) {
      // The url: one term, looked up by the duplicate check and by add; never sorted or counted, so no doc values.
      doc.add(new StringField(ArchiveFields.URL, article.url(), Field.Store.YES));
    }
    for (String author : article.authors()) {
      // Authors: shown, never searched.
      doc.add(new StoredField(ArchiveFields.AUTHOR, author));
    }
    // Where it came from (a file or a feed): one term, so a deleted file's articles are found; stored, so a stored
    // article can be written again as it was.
    doc.add(new StringField(ArchiveFields.ORIGIN, article.origin(), Field.Store.YES));
    // The content hash: read by change detection, never searched.
    doc.add(new StoredField(ArchiveFields.HASH, article.contentHash()));
    // The same-story key: one term for the duplicate check; derived from title and body, so not stored.
    doc.add(new StringField(ArchiveFields.STORY, storyKey, Field.Store.NO));
    return doc;
  }

  /** The lower-cased form under which sources and tags are filtered and counted. */
  public static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
