package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import dev.dealarchive.article.ContentHash;
import dev.dealarchive.search.StoredSentences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Test fixture: indexes as the archive wrote them in schema 2, before {@link ArticleDocuments} used {@code
 * KeywordField} and {@code LongField}, to check that they are read as they are and upgraded ({@link SchemaUpgrade}).
 */
public final class Schema2Index {
  /** The schema version this fixture writes. */
  public static final String VERSION = "2";

  private Schema2Index() {}

  /** The document of {@code article} as schema 2 wrote it. */
  public static Document document(Article article) {
    Document doc = new Document();
    doc.add(new StringField(ArchiveFields.ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ArchiveFields.ID, new BytesRef(article.id())));
    doc.add(new TextField(ArchiveFields.TITLE, article.title(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.TITLE_EXACT, article.title(), Field.Store.NO));
    doc.add(new TextField(ArchiveFields.BODY, article.body(), Field.Store.YES));
    doc.add(new TextField(ArchiveFields.BODY_EXACT, article.body(), Field.Store.NO));
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
      String key = ArticleDocuments.key(tag);
      doc.add(new StoredField(ArchiveFields.TAG, tag));
      doc.add(new StringField(ArchiveFields.TAG_KEY, key, Field.Store.NO));
      doc.add(new SortedSetDocValuesField(ArchiveFields.TAG_KEY, new BytesRef(key)));
    }
    if (article.url() != null) {
      doc.add(new StringField(ArchiveFields.URL, article.url(), Field.Store.YES));
    }
    for (String author : article.authors()) {
      doc.add(new StoredField(ArchiveFields.AUTHOR, author));
    }
    doc.add(new StringField(ArchiveFields.ORIGIN, article.origin(), Field.Store.YES));
    doc.add(new StoredField(ArchiveFields.HASH, article.contentHash()));
    doc.add(new StringField(
        ArchiveFields.STORY, ContentHash.sameStoryKey(article.title(), article.body()), Field.Store.NO));
    return doc;
  }

  /**
   * Rewrites the index in {@code folder} (of any schema the archive reads) as schema 2 wrote it: the same live articles
   * with their passages, vectors and embedding marks, the same commit data but the schema version.
   */
  public static void rewrite(Path folder) throws IOException {
    try (Directory directory = FSDirectory.open(folder)) {
      Map<String, String> data = new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData());
      IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setCodec(ArticleBlocks.codec());
      // The reader keeps the old commit's files while the writer replaces them, as in SchemaUpgrade.
      try (DirectoryReader reader = DirectoryReader.open(directory);
          IndexWriter writer = new IndexWriter(directory, config)) {
        SchemaUpgrade.copyArticles(reader, writer, Schema2Index::document);
        data.put(ArchiveFields.SCHEMA_KEY, VERSION);
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
      }
    }
  }
}
