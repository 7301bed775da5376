package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencySummaryTest {
  private static final long MS = 1_000_000L;

  @Test
  void nearestRankPercentilesOfOneToAThousandMilliseconds() {
    long[] nanos = new long[1000];
    for (int i = 0; i < nanos.length; i++) {
      nanos[nanos.length - 1 - i] = (i + 1) * MS;
    }
    LatencySummary summary = LatencySummary.ofNanos(nanos);
    assertEquals(1000, summary.count());
    assertEquals(500.0, summary.p50Ms());
    assertEquals(990.0, summary.p99Ms());
    assertEquals(999.0, summary.p999Ms());
    assertEquals(500.5, summary.meanMs(), 1e-9);
    assertEquals(1000.0, summary.maxMs());
  }

  @Test
  void p999OfTwoThousandSamplesIsThe1998th() {
    long[] nanos = new long[2000];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = (i + 1) * MS;
    }
    assertEquals(1998.0, LatencySummary.ofNanos(nanos).p999Ms());
    assertEquals(1000.0, LatencySummary.ofNanos(nanos).p50Ms());
  }

  @Test
  void oneSampleIsEveryPercentile() {
    LatencySummary summary = LatencySummary.ofNanos(new long[] {3 * MS});
    assertEquals(3.0, summary.p50Ms());
    assertEquals(3.0, summary.p999Ms());
  }

  @Test
  void noSamplesIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> LatencySummary.ofNanos(new long[0]));
  }
}
