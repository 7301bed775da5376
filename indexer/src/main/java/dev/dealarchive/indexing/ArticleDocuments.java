package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import dev.dealarchive.article.ContentHash;
import dev.dealarchive.search.StoredSentences;
import java.util.Locale;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Turns articles into Lucene documents. */
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
    doc.add(new StringField(ArchiveFields.ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ArchiveFields.ID, new BytesRef(article.id())));
    doc.add(new TextField(ArchiveFields.TITLE, article.title(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.TITLE_EXACT, article.title(), Field.Store.NO));
    doc.add(new TextField(ArchiveFields.BODY, article.body(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.BODY_EXACT, article.body(), Field.Store.NO));
    // Cut once here rather than at every search that shows the article (a few microseconds per article).
    doc.add(new StoredField(ArchiveFields.BODY_SENTENCES, StoredSentences.of(article.body())));
    if (article.published() != null) {
      long millis = article.published().toEpochMilli();
      doc.add(new LongPoint(ArchiveFields.PUBLISHED, millis));
      doc.add(new NumericDocValuesField(ArchiveFields.PUBLISHED, millis));
      doc.add(new StoredField(ArchiveFields.PUBLISHED, millis));
    }
    doc.add(new StoredField(ArchiveFields.SOURCE, article.source()));
    doc.add(new TextField(ArchiveFields.SOURCE_KEY, article.source(), Field.Store.NO));
    doc.add(new SortedDocValuesField(ArchiveFields.SOURCE, new BytesRef(article.source())));
    for (String tag : article.tags()) {
      doc.add(new StoredField(ArchiveFields.TAG, tag));
      doc.add(new StringField(ArchiveFields.TAG_KEY, key(tag), Field.Store.NO));
      doc.add(new SortedSetDocValuesField(ArchiveFields.TAG_KEY, new BytesRef(key(tag))));
    }
    if (article.url() != null) {
      doc.add(new StringField(ArchiveFields.URL, article.url(), Field.Store.YES));
    }
    for (String author : article.authors()) {
      doc.add(new StoredField(ArchiveFields.AUTHOR, author));
    }
    doc.add(new StringField(ArchiveFields.ORIGIN, article.origin(), Field.Store.YES));
    doc.add(new StoredField(ArchiveFields.HASH, article.contentHash()));
    doc.add(new StringField(ArchiveFields.STORY, storyKey, Field.Store.NO));
    return doc;
  }

  /** The lower-cased form under which sources and tags are filtered and counted. */
  public static String key(String value) {
    return value.strip().toLowerCase(Locale.ROOT);
  }
}
