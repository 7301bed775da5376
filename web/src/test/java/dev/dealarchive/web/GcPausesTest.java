package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@link GcPauses} counts the collections the JVM reports while it watches, and none after it is closed. */
class GcPausesTest {
  @Test
  void countsACollectionWhileWatchingAndNoneAfterClosing() throws InterruptedException {
    GcPauses.Seen seen;
    try (GcPauses pauses = GcPauses.watch()) {
      System.gc(); // a full collection: a pause under every collector the launcher may be given
      seen = awaitPause(pauses);
      assertTrue(seen.pauses() >= 1, "a collection was reported: " + seen);
      assertTrue(seen.longestMillis() <= seen.totalMillis(), seen.toString());
    }
    try (GcPauses witness = GcPauses.watch()) {
      GcPauses closed = GcPauses.watch();
      closed.close();
      System.gc();
      assertTrue(awaitPause(witness).pauses() >= 1, "the collection was reported to the open watcher");
      assertEquals(new GcPauses.Seen(0, 0, 0), closed.seen(), "a closed watcher hears nothing");
    }
  }

  /** The JVM reports collections on a thread of its own, shortly after they end. */
  private static GcPauses.Seen awaitPause(GcPauses pauses) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (pauses.seen().pauses() == 0 && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
    return pauses.seen();
  }
}
