package dev.dealarchive.answer;

import dev.dealarchive.search.ParsedQuery;
import java.util.List;

/**
 * A question after analysis.
 *
 * @param text the question as asked (or as corrected)
 * @param query the question in the query language with question words and filler removed; filters, phrases and
 *     exclusions are kept
 * @param contentWords the words that drive the match, in question order
 * @param type what kind of answer is wanted
 * @param wantsRecent the question asks for the latest or most recent articles
 */
public record Question(
    String text, ParsedQuery query, List<String> contentWords, QuestionType type, boolean wantsRecent) {
  public Question {
    contentWords = List.copyOf(contentWords);
  }
}
