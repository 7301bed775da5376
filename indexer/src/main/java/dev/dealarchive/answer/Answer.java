package dev.dealarchive.answer;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;

/**
 * The passage that answers a question and the article it was taken from.
 *
 * @param passage one to three consecutive sentences, verbatim, with matched words marked
 * @param article the cited article (its snippet is the same passage)
 * @param coverage share of the question's weighted concepts the passage contains, 0 to 1 (NaN when unknown); an
 *     answer is given only above {@link AnswerSettings#minCoverage()}
 */
public record Answer(MarkedText passage, SearchHit article, double coverage) {
  /** An answer whose coverage is not known. */
  public Answer(MarkedText passage, SearchHit article) {
    this(passage, article, Double.NaN);
  }
}
