package dev.dealarchive.bot;

import dev.dealarchive.search.MarkedText;
import java.util.regex.Pattern;

/**
 * Makes untrusted text safe for Slack's mrkdwn.
 *
 * <p>Slack turns {@code <!channel>}, {@code <@U123>} and {@code <http://x|y>} into pings and links; escaping
 * {@code &}, {@code <} and {@code >} (the only three characters Slack asks to escape) disarms all of them, and a
 * zero-width space after the {@code @} of a plain {@code @here}, {@code @channel} or {@code @everyone} disarms those;
 * every piece of article text and every echo of user input goes through {@link #escape}.
 */
public final class Mrkdwn {
  private Mrkdwn() {}

  /**
   * A plain {@code @here}, {@code @channel} or {@code @everyone} (not in an address such as {@code a@here.example}):
   * Slack may turn it into a ping, so a zero-width space goes after the {@code @}.
   */
  private static final Pattern BROADCAST =
      Pattern.compile("(?<![\\w.])@(here|channel|everyone)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Removes control characters (keeping newlines and tabs as spaces or newlines) and escapes {@code &}, {@code <} and
   * {@code >}.
   */
  public static String escape(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\n' -> out.append('\n');
        case '\t', '\r' -> out.append(' ');
        default -> {
          if (!isInvisibleControl(c)) {
            out.append(c);
          }
        }
      }
    }
    return BROADCAST.matcher(out).replaceAll("@\u200b$1");
  }

  /** Escapes and collapses all whitespace to single spaces, for one-line snippets and titles. */
  public static String escapeOneLine(String text) {
    return escape(text == null ? "" : text.replaceAll("\\s+", " ").strip());
  }

  /** Renders marked text on one line with matched words in bold, everything escaped. */
  public static String bold(MarkedText marked) {
    // Slack needs the bold asterisks next to a word boundary; marks are whole words, so wrapping works.
    String rendered = marked.render("\u0001", "\u0002", Mrkdwn::escapeKeepingMarkers);
    return rendered.replaceAll("\\s+", " ").strip().replace("\u0001", "*").replace("\u0002", "*");
  }

  /** Escapes mrkdwn text for a link label, where {@code |} and {@code >} would end the label early. */
  public static String linkLabel(String text) {
    return escapeOneLine(text).replace("|", "\u2758");
  }

  /**
   * A link for mrkdwn, or just the escaped label when the url is absent or not http(s). The url is escaped too, so
   * it cannot close the link early or smuggle a second one.
   */
  public static String link(String url, String label) {
    String shown = linkLabel(label);
    if (url == null || !(url.startsWith("https://") || url.startsWith("http://")) || url.contains("|")
        || url.chars().anyMatch(ch -> ch <= ' ')) {
      return shown;
    }
    return "<" + escape(url) + "|" + shown + ">";
  }

  private static String escapeKeepingMarkers(String text) {
    // The markers \u0001 and \u0002 are control characters that escape() would drop, so pieces are escaped here
    // before the markers are added by MarkedText.render.
    return escape(text).replace('*', '\u2217');
  }

  private static boolean isInvisibleControl(char c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT && c != '\u200d'
        || c == '\u2028' || c == '\u2029';
  }
}
