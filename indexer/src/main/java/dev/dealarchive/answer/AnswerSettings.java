package dev.dealarchive.answer;

/**
 * The knobs of retrieval for questions. The defaults serve news articles; each is also a documented option of
 * {@code archive ask} and {@code archive eval}, so another corpus can be tuned without a code change.
 *
 * @param k1 BM25 term-frequency saturation
 * @param b BM25 length normalisation
 * @param titleBoost weight of a title match against a body match
 * @param exactBonus weight of an exact (unstemmed) word match, added to the stemmed one
 * @param proximityWeight weight of question word pairs found near each other in the body
 * @param proximitySlop how many positions apart a pair may be and still count as near
 * @param minCoverage least share of the question's concept weight the answer passage must contain, else the
 *     archive says nothing answers
 */
public record AnswerSettings(
    float k1,
    float b,
    float titleBoost,
    float exactBonus,
    float proximityWeight,
    int proximitySlop,
    double minCoverage) {

  /** BM25 k1 and b as in Anserini's defaults (0.9, 0.4), which are its settings for news and web collections. */
  public static AnswerSettings defaults() {
    return new AnswerSettings(0.9f, 0.4f, 2.0f, 0.2f, 0.2f, 8, 0.5);
  }
}
