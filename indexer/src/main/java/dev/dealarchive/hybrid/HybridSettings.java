package dev.dealarchive.hybrid;

import java.util.Objects;

/**
 * The knobs of ranking by meaning and words together. Each is an option of {@code archive ask}, {@code search} and
 * {@code eval}.
 *
 * @param mode which evidence ranks articles
 * @param fusion how the two rankings are merged
 * @param semanticWeight share of the semantic side in a convex fusion, 0 to 1
 * @param rrfK the constant of reciprocal rank fusion (60 in the paper and in Lucene's examples)
 * @param semanticDepth least number of articles the semantic side returns for fusion; deeper when more are wanted
 */
public record HybridSettings(
    RetrievalMode mode, FusionMethod fusion, double semanticWeight, int rrfK, int semanticDepth) {
  public HybridSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(fusion, "fusion");
    if (!(semanticWeight >= 0 && semanticWeight <= 1)) {
      throw new IllegalArgumentException("semantic weight must be between 0 and 1: " + semanticWeight);
    }
    if (rrfK < 1) {
      throw new IllegalArgumentException("rrf k must be at least 1: " + rrfK);
    }
    if (semanticDepth < 1) {
      throw new IllegalArgumentException("semantic depth must be at least 1: " + semanticDepth);
    }
  }

  /** Hybrid, convex 50/50 fusion (measured on BEIR SciFact; see docs/semantic.md). */
  public static HybridSettings defaults() {
    return new HybridSettings(RetrievalMode.HYBRID, FusionMethod.CONVEX, 0.5, 60, 100);
  }

  /** The same settings with another mode. */
  public HybridSettings withMode(RetrievalMode other) {
    return new HybridSettings(other, fusion, semanticWeight, rrfK, semanticDepth);
  }
}
