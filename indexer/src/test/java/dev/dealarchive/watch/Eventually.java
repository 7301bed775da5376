package dev.dealarchive.watch;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition by polling it until a deadline; never a fixed sleep. */
final class Eventually {
  private Eventually() {}

  static void await(String what, Duration timeout, Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.call()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        fail("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      Thread.onSpinWait();
      Thread.sleep(20);
    }
  }
}
