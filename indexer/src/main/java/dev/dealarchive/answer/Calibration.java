package dev.dealarchive.answer;

/**
 * Decides how sure an answer is from its passage's word coverage and its similarity in meaning to the question.
 * The thresholds were measured with the bundled model (bge-small-en-v1.5): the closest passage to each of the 300
 * BEIR SciFact claims asked against the sample articles of {@code data/} (where nothing answers them) has cosine
 * 0.36 to 0.60 (99th percentile 0.59), while the right passage for the paraphrase and verbatim question sets over
 * {@code data/} has 0.60 to 0.90 (median 0.77); see docs/semantic.md. Stateless.
 */
final class Calibration {
  /**
   * Cosine similarity from which a passage is shown as the answer even when it shares few words with the question:
   * it says the same thing in other words.
   */
  static final double STRONG_COSINE = 0.75;
  /**
   * Cosine similarity below which even the closest passage is unrelated to the question: nothing answers. Between
   * this and {@link #STRONG_COSINE} (and with too little word coverage) the passage is the closest match.
   */
  static final double RELATED_COSINE = 0.60;

  private Calibration() {}

  /**
   * The confidence in a passage.
   *
   * @param coverage share of the question's weighted concepts it contains
   * @param cosine its similarity in meaning to the question, NaN when unknown (no vectors or no model)
   * @param minCoverage the coverage from which words alone make a strong answer
   * @param hasContentWords whether the question has words to cover (a filters-only question is answered by them)
   */
  static Confidence of(double coverage, double cosine, double minCoverage, boolean hasContentWords) {
    if (!hasContentWords) {
      return Confidence.STRONG;
    }
    if (Double.isNaN(cosine)) {
      // Words alone, as before vectors: one threshold.
      return coverage >= minCoverage ? Confidence.STRONG : Confidence.NONE;
    }
    if (cosine >= STRONG_COSINE || (coverage >= minCoverage && cosine >= RELATED_COSINE)) {
      return Confidence.STRONG;
    }
    if (cosine >= RELATED_COSINE || coverage >= minCoverage) {
      return Confidence.CLOSEST;
    }
    return Confidence.NONE;
  }
}
