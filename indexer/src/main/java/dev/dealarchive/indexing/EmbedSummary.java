package dev.dealarchive.indexing;

/**
 * What the embedding step of a run did.
 *
 * @param articles articles embedded (their passages written with vectors)
 * @param passages passages embedded
 * @param reused articles whose passages and vectors a rebuild took over from the index it replaced (same content,
 *     same model) instead of embedding them again
 * @param waiting articles still waiting for vectors after the step
 * @param note why articles still wait, or {@code null} (no model on the class path, keyword-only index, model
 *     changed)
 * @param tookNanos wall time of the step
 */
public record EmbedSummary(long articles, long passages, long reused, long waiting, String note, long tookNanos) {
  /** Passages embedded per second of the step. */
  public double passagesPerSecond() {
    return tookNanos == 0 ? 0 : passages / (tookNanos / 1e9);
  }
}
