package dev.dealarchive.indexing;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.ReadListener;
import dev.dealarchive.read.ReadOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a push-style {@link ArticleReader} on a named virtual thread and hands what it finds to the puller through a
 * bounded queue, so reading one file overlaps with storing it and memory stays flat on any file size.
 */
final class ReaderSource implements ArticleSource {
  /** Events read ahead of the indexer at most. */
  private static final int CAPACITY = 256;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final Object END = new Object();

  /** How reading ended with a failure, rethrown by {@link #next}. */
  private record Failure(Throwable cause) {}

  /** Unwinds the reader once the puller has closed the source. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread producer;
  private volatile boolean closed;
  private boolean ended;

  ReaderSource(ArticleReader reader, Path file, ReadOptions options) {
    producer =
        Thread.ofVirtual()
            .name("archive-read-" + THREADS.incrementAndGet())
            .start(() -> produce(reader, file, options));
  }

  private void produce(ArticleReader reader, Path file, ReadOptions options) {
    Object last = END;
    try {
      reader.read(
          file,
          options,
          new ReadListener() {
            @Override
            public void article(ArticleDraft draft) {
              put(new ReadEvent.Found(draft));
            }

            @Override
            public void skipped(int line, String reason) {
              put(new ReadEvent.Skipped(line, reason));
            }

            @Override
            public void warning(int line, String message) {
              put(new ReadEvent.Warned(line, message));
            }
          });
    } catch (Cancelled cancelled) {
      return;
    } catch (Throwable t) {
      last = new Failure(t);
    }
    try {
      put(last);
    } catch (Cancelled cancelled) {
      // closed meanwhile: nobody waits for the end
    }
  }

  private void put(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new Cancelled();
  }

  @Override
  public ReadEvent next() throws IOException {
    if (ended) {
      return null;
    }
    Object item;
    try {
      item = queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading input");
    }
    if (item == END) {
      ended = true;
      return null;
    }
    if (item instanceof Failure failure) {
      ended = true;
      switch (failure.cause()) {
        case IOException io -> throw io;
        case RuntimeException re -> throw re;
        case Error error -> throw error;
        default -> throw new IOException(failure.cause());
      }
    }
    return (ReadEvent) item;
  }

  @Override
  public void close() {
    closed = true;
    boolean interrupted = false;
    while (producer.isAlive()) {
      queue.clear();
      try {
        producer.join(10);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
