package dev.dealarchive.answer;

import dev.dealarchive.search.SearchHit;
import java.util.List;

/**
 * The outcome of a question.
 *
 * @param question the question as asked
 * @param correctedQuestion the question after spelling correction, or {@code null} when none was needed
 * @param answer the answering passage, or {@code null} when nothing in the archive answers
 * @param hits further relevant articles (the answer's article excluded), each with its best passage
 * @param tip a search tip shown when there is no answer, else {@code null}
 * @param notices other things the user should know (malformed query parts, for example)
 * @param tookNanos time spent answering
 */
public record AskResult(
    String question,
    String correctedQuestion,
    Answer answer,
    List<SearchHit> hits,
    String tip,
    List<String> notices,
    long tookNanos) {
  public AskResult {
    hits = List.copyOf(hits);
    notices = List.copyOf(notices);
  }
}
