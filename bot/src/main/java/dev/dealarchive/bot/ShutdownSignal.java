package dev.dealarchive.bot;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command wait for Ctrl-C or SIGTERM and still close its connections cleanly: the JVM's
 * shutdown hook wakes {@link #await()} and then waits (up to a limit) until {@link #close()} says everything opened
 * after this signal was closed. Open it first in a try-with-resources so it closes last.
 */
public final class ShutdownSignal implements AutoCloseable {
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread hook;

  public ShutdownSignal() {
    hook = new Thread(this::onShutdown, "bot-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Blocks until the JVM is asked to stop. */
  public void await() throws InterruptedException {
    stopRequested.await();
  }

  private void onShutdown() {
    stopRequested.countDown();
    try {
      closed.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed.countDown();
    if (stopRequested.getCount() > 0) {
      // Closing without a shutdown: the hook is no longer needed.
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook runs and finds the latch open.
      }
    }
  }
}
