package dev.dealarchive.bot;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.util.Optional;

/**
 * What a "Helpful" / "Not helpful" button judges, carried in the button's value as JSON: the question, the id of the
 * article the answer quoted, and the passage shown (shortened so the value stays within Slack's limit).
 *
 * @param question the question as answered
 * @param articleId the answer's article
 * @param passage the answer's passage, possibly shortened
 */
public record FeedbackToken(String question, String articleId, String passage) {
  private static final Gson GSON = new Gson();
  private static final int QUESTION_CHARS = 500;

  /** The button value, at most {@link TextLimits#BUTTON_VALUE} characters. */
  public String encode() {
    String q = TextLimits.cut(question == null ? "" : question, QUESTION_CHARS);
    String p = passage == null ? "" : passage;
    for (int room = 1_000; ; room /= 2) {
      String value = GSON.toJson(new FeedbackToken(q, articleId, TextLimits.cut(p, room)));
      if (value.length() <= TextLimits.BUTTON_VALUE || room < 8) {
        return value;
      }
    }
  }

  /** Reads a button value; empty when it is not one this bot wrote. */
  public static Optional<FeedbackToken> decode(String value) {
    if (value == null || !value.startsWith("{")) {
      return Optional.empty();
    }
    try {
      FeedbackToken token = GSON.fromJson(value, FeedbackToken.class);
      return token == null || token.question() == null || token.articleId() == null || token.articleId().isBlank()
          ? Optional.empty() : Optional.of(token);
    } catch (JsonParseException e) {
      return Optional.empty();
    }
  }
}
