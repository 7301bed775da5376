package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadDriverTest {
  @Test
  void settlingRunsWholeLogPassesWithEveryClientForAtLeastTwoWindowsBeforeAnythingIsTimed() throws Exception {
    AtomicLong operations = new AtomicLong();
    AtomicLong opened = new AtomicLong();
    LoadDriver.ClientFactory factory =
        () -> {
          opened.incrementAndGet();
          return i -> {
            operations.incrementAndGet();
            Thread.sleep(1);
            return i;
          };
        };

    LoadDriver.Settled settled = new LoadDriver().settle(factory, 2, 50, "test");

    assertTrue(settled.seconds() >= 2 * LoadDriver.SETTLE_WINDOW_NANOS / 1e9, "at least two windows of a second");
    assertTrue(settled.passes() >= 2);
    assertEquals(settled.passes() * 50L, operations.get(), "every pass runs the whole log once");
    assertEquals(settled.passes() * 2L, opened.get(), "every pass opens one client per thread");
    assertTrue(settled.quiet() == (settled.lastWindowCompileMillis()
        <= settled.lastWindowMillis() * LoadDriver.QUIET_COMPILE_SHARE));
  }
}
