package dev.dealarchive.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The plain Lucene baseline that evaluations are compared with: the same articles in one field (title and body)
 * analyzed with {@link StandardAnalyzer}, queried through the classic query parser, scored with Lucene's default
 * BM25. It lives in memory and is built from the archive's stored
 * articles (given as id and text, so this package reads no field of the archive's index), so both see exactly the
 * same documents.
 */
public final class PlainBaseline implements AutoCloseable {
  private static final String DOC_ID = "docid";
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

  /** A baseline to fill with documents, then {@link Builder#build}. */
  public static Builder builder() throws IOException {
    return new Builder();
  }

  /** Collects the documents of a baseline: each with its id and its whole text (title and body). */
  public static final class Builder {
    private final Directory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;

    private Builder() throws IOException {
      writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()));
    }

    /** Adds one document. */
    public Builder add(String docId, String text) throws IOException {
      Document plain = new Document();
      plain.add(new StringField(DOC_ID, docId, Field.Store.YES));
      plain.add(new TextField(CONTENTS, text, Field.Store.NO));
      writer.addDocument(plain);
      return this;
    }

    /** The baseline over every document added. */
    public PlainBaseline build() throws IOException {
      writer.close();
      return new PlainBaseline(directory);
    }
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
      ranked.add(new ScoredDoc(stored.document(doc.doc).get(DOC_ID), doc.score));
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
