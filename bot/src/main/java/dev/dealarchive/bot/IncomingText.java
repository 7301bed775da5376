package dev.dealarchive.bot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of a Slack message (Slack's own mrkdwn encoding) back into the plain question a person typed. */
public final class IncomingText {
  private IncomingText() {}

  private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
  private static final int MAX_QUESTION = 1_000;

  /**
   * Drops mentions of users and special mentions ({@code <@U123>}, {@code <!here>}), keeps link and channel labels,
   * undoes Slack's {@code &amp;}, {@code &lt;}, {@code &gt;} escapes, removes control characters and collapses
   * whitespace. Questions longer than 1,000 characters are shortened.
   */
  public static String question(String slackText) {
    if (slackText == null) {
      return "";
    }
    Matcher m = ANGLE.matcher(slackText);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement(m.group(1))));
    }
    m.appendTail(out);
    String plain = out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    String cleaned = plain.codePoints()
        .filter(cp -> !Character.isISOControl(cp) || Character.isWhitespace(cp))
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString()
        .replaceAll("\\s+", " ")
        .strip();
    if (cleaned.length() > MAX_QUESTION) {
      cleaned = cleaned.substring(0, MAX_QUESTION);
    }
    return cleaned;
  }

  /**
   * The address in the text of {@code /archive add <url>}: Slack's link form ({@code <url>} or {@code <url|label>})
   * is unwrapped and Slack's {@code &amp;}, {@code &lt;}, {@code &gt;} escapes are undone, so a query string such as
   * {@code ?a=1&b=2} reaches the fetcher as typed. Anything else is returned stripped, for the fetcher to judge.
   */
  public static String url(String slackText) {
    String text = slackText == null ? "" : slackText.strip();
    if (text.length() > 1 && text.startsWith("<") && text.endsWith(">") && text.indexOf('<', 1) < 0) {
      text = text.substring(1, text.length() - 1);
      int bar = text.indexOf('|');
      text = bar >= 0 ? text.substring(0, bar) : text;
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip();
  }

  private static String replacement(String inner) {
    if (inner.startsWith("@") || inner.startsWith("!")) {
      return " ";
    }
    int bar = inner.indexOf('|');
    if (inner.startsWith("#")) {
      return bar >= 0 ? "#" + inner.substring(bar + 1) : " ";
    }
    return bar >= 0 ? inner.substring(bar + 1) : inner;
  }
}
