package dev.dealarchive.indexing;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs writes to the index on a few named threads while the caller keeps producing them. At most {@code capacity}
 * tasks wait or run, so memory stays flat on any corpus size; after the first failure no further task runs, and that
 * failure is rethrown to the caller by the next {@link #submit} or by {@link #awaitAll}. With one thread, tasks run
 * on the caller's thread and their failures reach the caller directly.
 */
final class BoundedWorkers implements AutoCloseable {
  /** A task that may fail with an I/O error, as index writes do. */
  interface Task {
    void run() throws IOException;
  }

  private static final AtomicInteger POOLS = new AtomicInteger();

  private final String failurePrefix;
  private final ExecutorService executor;
  private final Semaphore slots;
  private final int capacity;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  /**
   * @param threadName names the threads ({@code threadName-POOL-N}), so a thread dump says what they do
   * @param failurePrefix starts the message of a rethrown I/O failure, e.g. "writing to the index failed"
   */
  BoundedWorkers(String threadName, int threads, int capacity, String failurePrefix) {
    this.failurePrefix = failurePrefix;
    this.capacity = capacity;
    this.slots = new Semaphore(capacity);
    int pool = POOLS.incrementAndGet();
    AtomicInteger count = new AtomicInteger();
    this.executor =
        threads <= 1
            ? null
            : Executors.newFixedThreadPool(
                threads,
                runnable -> {
                  Thread thread = new Thread(runnable, threadName + "-" + pool + "-" + count.incrementAndGet());
                  thread.setDaemon(true);
                  return thread;
                });
  }

  /** Runs {@code task} on a worker, waiting while {@code capacity} tasks are pending; rethrows an earlier failure. */
  void submit(Task task) throws IOException {
    rethrowFailure();
    if (executor == null) {
      task.run();
      return;
    }
    slots.acquireUninterruptibly();
    try {
      executor.execute(
          () -> {
            try {
              if (failure.get() == null) {
                task.run();
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

  /** Waits until every submitted task has run; rethrows the first failure. */
  void awaitAll() throws IOException {
    slots.acquireUninterruptibly(capacity);
    slots.release(capacity);
    rethrowFailure();
  }

  /** Rethrows the first failure of a task, if any. */
  void rethrowFailure() throws IOException {
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException io) {
      throw new IOException(failurePrefix + ": " + io.getMessage(), io);
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
    if (executor == null) {
      return;
    }
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
