package dev.dealarchive.answer;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;
import java.util.Objects;

/**
 * The passage that answers a question (or comes closest to it) and the article it was taken from.
 *
 * @param passage one to three consecutive sentences, verbatim, with matched words marked
 * @param article the cited article (its snippet is the same passage)
 * @param coverage share of the question's weighted concepts the passage contains, 0 to 1 (NaN when unknown)
 * @param similarity cosine similarity in meaning between the question and the passage, -1 to 1 (NaN when the index
 *     has no vectors or the model is not available)
 * @param confidence {@link Confidence#STRONG} for an answer, {@link Confidence#CLOSEST} for the closest passage when
 *     no passage answers well; never {@link Confidence#NONE} (then there is no answer)
 * @param articleCoverage share of the question's weighted concepts the whole article contains, 0 to 1 (NaN when
 *     unknown)
 * @param nameCoverage share of the weight of the names the question names that the article names in some form, 0 to
 *     1 (NaN when the question names none, or unknown)
 */
public record Answer(
    MarkedText passage,
    SearchHit article,
    double coverage,
    double similarity,
    Confidence confidence,
    double articleCoverage,
    double nameCoverage) {
  public Answer {
    Objects.requireNonNull(confidence, "confidence");
    if (confidence == Confidence.NONE) {
      throw new IllegalArgumentException("an answer is strong or closest; NONE means no answer");
    }
  }

  /** An answer without what its article holds of the question. */
  public Answer(MarkedText passage, SearchHit article, double coverage, double similarity, Confidence confidence) {
    this(passage, article, coverage, similarity, confidence, Double.NaN, Double.NaN);
  }

  /** A strong answer without a similarity. */
  public Answer(MarkedText passage, SearchHit article, double coverage) {
    this(passage, article, coverage, Double.NaN, Confidence.STRONG);
  }

  /** A strong answer whose coverage is not known. */
  public Answer(MarkedText passage, SearchHit article) {
    this(passage, article, Double.NaN);
  }

  /** Whether this is only the closest passage, not a confident answer. */
  public boolean isClosestMatch() {
    return confidence == Confidence.CLOSEST;
  }
}
