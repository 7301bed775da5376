package dev.dealarchive.bot;

import java.util.Locale;
import java.util.Optional;

/**
 * What a "More results" button pages through, carried in the button's value: {@code kind|offset|text}.
 *
 * @param kind whether the list comes from a question or a search
 * @param offset how many further results were already shown
 * @param text the question or the query
 */
public record PageToken(Kind kind, int offset, String text) {

  /** The kind of result list. */
  public enum Kind {
    /** The further articles of a question's answer. */
    ASK,
    /** The hits of a search. */
    SEARCH
  }

  public PageToken {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    text = text == null ? "" : text;
  }

  /** The button value, never longer than Slack allows (long questions are shortened). */
  public String encode() {
    String prefix = kind.name().toLowerCase(Locale.ROOT) + "|" + offset + "|";
    int room = TextLimits.BUTTON_VALUE - prefix.length();
    String shown = text.length() <= room ? text : text.substring(0, room);
    if (!shown.isEmpty() && Character.isHighSurrogate(shown.charAt(shown.length() - 1))) {
      shown = shown.substring(0, shown.length() - 1);
    }
    return prefix + shown;
  }

  /** Reads a button value; empty when it is not one this bot wrote. */
  public static Optional<PageToken> decode(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String[] parts = value.split("\\|", 3);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Kind kind = Kind.valueOf(parts[0].toUpperCase(Locale.ROOT));
      int offset = Integer.parseInt(parts[1]);
      return offset < 0 || offset > 10_000 ? Optional.empty() : Optional.of(new PageToken(kind, offset, parts[2]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
