package dev.dealarchive.feedback;

import java.time.Instant;

/**
 * One click on an answer's feedback button, as the log keeps it.
 *
 * @param time when
 * @param user who clicked (a Slack user id)
 * @param question the question as asked
 * @param articleId the id of the article the answer quoted
 * @param passage the passage the answer showed
 * @param vote the judgment
 */
public record FeedbackEntry(Instant time, String user, String question, String articleId, String passage, Vote vote) {
  /** The answer this entry judges: the question (case and spacing aside) and the article quoted. */
  public AnswerKey answer() {
    return AnswerKey.of(question, articleId);
  }
}
