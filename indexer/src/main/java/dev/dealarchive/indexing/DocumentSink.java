package dev.dealarchive.indexing;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Writes documents to an {@link IndexWriter} on a few named threads, so analysis uses every core while the caller
 * keeps reading input. At most a bounded number of documents wait, so memory stays flat on any corpus size. The
 * first failure of a write is rethrown by {@link #awaitAll}.
 */
final class DocumentSink implements AutoCloseable {
  private final IndexWriter writer;
  private final BoundedWorkers workers;

  DocumentSink(IndexWriter writer, int threads) {
    this.writer = writer;
    this.workers = new BoundedWorkers("archive-indexer", threads, threads * 256, "writing to the index failed");
  }

  /** Replaces the article with this id (and removes its passages), or adds it. */
  void update(String id, Document document) throws IOException {
    Term term = new Term(ArchiveFields.ID, id);
    Term passages = ArticleBlocks.passagesOf(id);
    workers.submit(
        () -> {
          // Both in one task, in this order: the delete must not reach passages added after it.
          writer.deleteDocuments(passages);
          writer.updateDocument(term, document);
        });
  }

  /**
   * Adds a document whose id is known to be new to the index; cheaper than {@link #update}, which also buffers a
   * delete.
   */
  void add(Document document) throws IOException {
    workers.submit(() -> writer.addDocument(document));
  }

  /** Waits until every submitted document is written; rethrows the first failure. */
  void awaitAll() throws IOException {
    workers.awaitAll();
  }

  @Override
  public void close() {
    workers.close();
  }
}
