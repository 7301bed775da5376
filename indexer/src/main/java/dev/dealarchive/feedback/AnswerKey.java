package dev.dealarchive.feedback;

import java.util.Locale;

/**
 * Which answer a vote is about: a question and the article quoted for it. Questions that differ only in case and
 * spacing are the same question, so a repeated click from the same user replaces their vote.
 *
 * @param question the normalized question
 * @param articleId the article's id
 */
public record AnswerKey(String question, String articleId) {
  /** The key for a question as asked and an article id. */
  public static AnswerKey of(String question, String articleId) {
    String normalized = question == null ? "" : question.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return new AnswerKey(normalized, articleId == null ? "" : articleId);
  }
}
