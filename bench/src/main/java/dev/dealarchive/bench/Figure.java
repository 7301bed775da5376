package dev.dealarchive.bench;

/**
 * One measured figure, the archive's beside the peer's where the peer has one.
 *
 * @param key stable name in the JSON output, such as {@code search.p99_ms}
 * @param label what the table shows
 * @param unit unit of both values
 * @param ours the archive's value, or null when not measured
 * @param peer the FTS5 peer's value, or null when not measured or not applicable
 * @param lowerIsBetter whether a smaller value is better (times, sizes) or a larger one (throughput)
 */
public record Figure(String key, String label, String unit, Double ours, Double peer, boolean lowerIsBetter) {
  /** ours / peer, or null when either is missing or the peer's is zero. */
  public Double ratio() {
    return ours == null || peer == null || peer == 0 ? null : ours / peer;
  }
}
