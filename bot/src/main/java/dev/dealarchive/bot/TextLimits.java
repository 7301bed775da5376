package dev.dealarchive.bot;

/**
 * Slack's size limits and the one way the bot shortens text to fit them: at a word boundary, with an ellipsis, never
 * inside an escape entity ({@code &amp;}), a link ({@code <url|label>}) or a surrogate pair.
 */
public final class TextLimits {
  private TextLimits() {}

  /** Most characters in a section block's text. */
  public static final int SECTION_TEXT = 3_000;
  /** Most characters in a context block element or a button's text-sized field we use. */
  public static final int CONTEXT_TEXT = 2_000;
  /** Most blocks in one message. */
  public static final int BLOCKS = 50;
  /** Most characters in a message's top-level {@code text}. */
  public static final int MESSAGE_TEXT = 4_000;
  /** Most characters of a plain-text button label. */
  public static final int BUTTON_TEXT = 75;
  /** Most characters of a button's value. */
  public static final int BUTTON_VALUE = 2_000;

  private static final String ELLIPSIS = "\u2026";

  /**
   * Returns {@code text} when it has at most {@code max} characters, else its longest prefix that ends at a word
   * boundary and fits together with an ellipsis.
   */
  public static String cut(String text, int max) {
    if (text == null) {
      return "";
    }
    if (text.length() <= max) {
      return text;
    }
    if (max <= ELLIPSIS.length()) {
      return ELLIPSIS.substring(0, Math.max(0, max));
    }
    int limit = max - ELLIPSIS.length();
    int end = lastWordBoundary(text, limit);
    if (end < limit / 2) {
      // One enormous word: cutting inside it beats dropping half the room.
      end = limit;
    }
    end = outsideMarkup(text, end);
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end).stripTrailing() + ELLIPSIS;
  }

  private static int lastWordBoundary(String text, int limit) {
    for (int i = limit; i > 0; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  /** Moves {@code end} back so it does not fall inside an {@code &...;} entity or a {@code <...>} link. */
  private static int outsideMarkup(String text, int end) {
    int amp = text.lastIndexOf('&', end - 1);
    if (amp >= 0 && amp >= end - 6 && text.indexOf(';', amp) >= end) {
      end = amp;
    }
    int open = text.lastIndexOf('<', end - 1);
    if (open >= 0 && text.lastIndexOf('>', end - 1) < open) {
      end = open;
    }
    return end;
  }
}
