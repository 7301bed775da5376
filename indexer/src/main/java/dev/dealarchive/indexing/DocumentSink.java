package dev.dealarchive.indexing;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Writes documents to an {@link IndexWriter} on a few named threads, so analysis uses every core while the caller
 * keeps reading input. At most a bounded number of documents wait, so memory stays flat on any corpus size. The
 * first failure of a write is rethrown by {@link #awaitAll}.
 */
final class DocumentSink implements AutoCloseable {
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final IndexWriter writer;
  private final ExecutorService executor;
  private final Semaphore slots;
  private final int capacity;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  DocumentSink(IndexWriter writer, int threads) {
    this.writer = writer;
    this.capacity = threads * 256;
    this.slots = new Semaphore(capacity);
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        runnable -> {
          Thread thread = new Thread(runnable, "archive-indexer-" + pool + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    this.executor = threads == 1 ? null : Executors.newFixedThreadPool(threads, factory);
  }

  /** Replaces the article with this id (and removes its passages), or adds it. */
  void update(String id, Document document) throws IOException {
    Term term = new Term(ArchiveFields.ID, id);
    Term passages = ArticleBlocks.passagesOf(id);
    submit(
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
    submit(() -> writer.addDocument(document));
  }

  private interface Write {
    void run() throws IOException;
  }

  private void submit(Write write) throws IOException {
    rethrowFailure();
    if (executor == null) {
      write.run();
      return;
    }
    slots.acquireUninterruptibly();
    try {
      executor.execute(
          () -> {
            try {
              if (failure.get() == null) {
                write.run();
              }
            } catch (Throwable t) {
              failure.compareAndSet(null, t);
            } finally {
              slots.release();
            }
          });
    } catch (RuntimeException e) {
      slots.release();
      throw e;
    }
  }

  /** Waits until every submitted document is written; rethrows the first failure. */
  void awaitAll() throws IOException {
    slots.acquireUninterruptibly(capacity);
    slots.release(capacity);
    rethrowFailure();
  }

  private void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw new IOException("writing to the index failed: " + io.getMessage(), io);
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error error) {
      throw error;
    }
    throw new IOException(t);
  }

  @Override
  public void close() {
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
