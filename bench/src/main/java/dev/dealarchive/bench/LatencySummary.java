package dev.dealarchive.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies, in milliseconds. Percentiles are nearest-rank: the p-th percentile of n sorted
 * samples is the sample at rank {@code ceil(p / 100 * n)}, so p99.9 of 2,000 samples is the 1,998th.
 *
 * @param count number of samples
 * @param p50Ms median
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param meanMs arithmetic mean
 * @param maxMs largest sample
 */
public record LatencySummary(int count, double p50Ms, double p99Ms, double p999Ms, double meanMs, double maxMs) {
  private static final double NANOS_PER_MS = 1_000_000.0;

  /** Summarises {@code nanos} (not modified). */
  public static LatencySummary ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long sample : sorted) {
      sum += sample;
    }
    return new LatencySummary(
        sorted.length,
        percentile(sorted, 50) / NANOS_PER_MS,
        percentile(sorted, 99) / NANOS_PER_MS,
        percentile(sorted, 99.9) / NANOS_PER_MS,
        sum / sorted.length / NANOS_PER_MS,
        sorted[sorted.length - 1] / NANOS_PER_MS);
  }

  /** The nearest-rank {@code p}-th percentile of ascending {@code sorted}, 0 &lt; p ≤ 100. */
  static long percentile(long[] sorted, double p) {
    if (p <= 0 || p > 100) {
      throw new IllegalArgumentException("percentile out of (0, 100]: " + p);
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9);
    return sorted[Math.max(1, rank) - 1];
  }
}
