package dev.dealarchive.eval;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;

/**
 * The plain Lucene baseline that evaluations are compared with: the same articles in one field (title and body)
 * analyzed with {@link StandardAnalyzer}, queried through the classic query parser, scored with Lucene's default
 * BM25. It lives in memory and is built from the archive's stored text, so both see exactly the same documents.
 */
public final class PlainBaseline implements AutoCloseable {
  private static final String CONTENTS = "contents";

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final StandardAnalyzer analyzer = new StandardAnalyzer();

  private PlainBaseline(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** Builds the baseline from every live article that {@code archive} holds. */
  public static PlainBaseline buildFrom(IndexSearcher archive) throws IOException {
    Directory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
      Set<String> fields = Set.of(ArchiveFields.ID, ArchiveFields.TITLE, ArchiveFields.BODY);
      for (LeafReaderContext leaf : archive.getIndexReader().leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if ((live != null && !live.get(doc)) || !ArticleBlocks.isArticle(leaf, doc)) {
            continue;
          }
          Document article = stored.document(doc, fields);
          Document plain = new Document();
          plain.add(new StringField(ArchiveFields.ID, article.get(ArchiveFields.ID), Field.Store.YES));
          plain.add(
              new TextField(CONTENTS, article.get(ArchiveFields.TITLE) + "\n" + article.get(ArchiveFields.BODY), Field.Store.NO));
          writer.addDocument(plain);
        }
      }
    }
    return new PlainBaseline(directory);
  }

  /** The top {@code depth} articles for {@code text}, every word optional, as the classic parser reads it. */
  public List<ScoredDoc> search(String text, int depth) throws IOException {
    QueryParser parser = new QueryParser(CONTENTS, analyzer);
    TopDocs top;
    try {
      top = searcher.search(parser.parse(QueryParser.escape(text)), depth);
    } catch (ParseException e) {
      return List.of();
    }
    StoredFields stored = searcher.storedFields();
    List<ScoredDoc> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      ranked.add(new ScoredDoc(stored.document(doc.doc).get(ArchiveFields.ID), doc.score));
    }
    return ranked;
  }

  @Override
  public void close() throws IOException {
    try {
      reader.close();
    } finally {
      directory.close();
    }
  }
}
