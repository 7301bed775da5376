package dev.dealarchive.read;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Markdown into readable plain text: markup goes, the words stay, and paragraphs become single lines so that
 * sentences can be extracted cleanly.
 */
final class MarkdownText {
  private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,}).*$");
  private static final Pattern BLOCKQUOTE = Pattern.compile("^(?:\\s{0,3}>\\s?)+");
  private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(?:\\s*\\1){2,}\\s*$");
  private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^\\s{0,3}=+\\s*$");
  private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*\\S+.*$");
  private static final Pattern TABLE_DELIMITER =
      Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(?:\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
  private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+(.*)$");

  private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern INLINE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\([^)\\s]*(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern REFERENCE_LINK = Pattern.compile("\\[([^\\]]+)\\]\\[[^\\]]*\\]");
  private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
  private static final Pattern HTML_TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9-]*(?:\\s[^<>]*)?/?>");
  private static final Pattern CODE_SPAN = Pattern.compile("`+([^`]+)`+");
  private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1");
  private static final Pattern STAR_EMPHASIS = Pattern.compile("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])");
  // Underscores inside words (snake_case) are not emphasis.
  private static final Pattern UNDERSCORE_EMPHASIS = Pattern.compile("(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])");
  private static final Pattern STRIKETHROUGH = Pattern.compile("~~(?=\\S)(.+?)(?<=\\S)~~");
  private static final Pattern ESCAPE = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!<>|~])");

  private MarkdownText() {}

  /** The text of {@code markdownLines}: one line per paragraph, list item or code line, blank lines between blocks. */
  static String toPlainText(List<String> markdownLines) {
    String markdown = HTML_COMMENT.matcher(String.join("\n", markdownLines)).replaceAll("");
    ParagraphBuilder out = new ParagraphBuilder();
    String openFence = null;
    for (String line : markdown.lines().toList()) {
      Matcher fence = FENCE.matcher(line);
      if (fence.matches()) {
        String marker = fence.group(1);
        if (openFence == null) {
          openFence = marker;
        } else if (marker.charAt(0) == openFence.charAt(0) && marker.length() >= openFence.length()) {
          openFence = null;
        }
        out.paragraphBreak();
      } else if (openFence != null) {
        out.lineBreak();
        out.appendInline(line);
      } else {
        appendLine(BLOCKQUOTE.matcher(line).replaceFirst(""), out);
      }
    }
    return out.toString();
  }

  /** Index of the first level-one {@code # } heading outside code blocks, or -1. */
  static int firstTopHeading(List<String> markdownLines) {
    boolean inFence = false;
    for (int i = 0; i < markdownLines.size(); i++) {
      String line = markdownLines.get(i);
      if (FENCE.matcher(line).matches()) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("# ")) {
        return i;
      }
    }
    return -1;
  }

  /** The text of a heading line without its {@code #} marks and inline markup. */
  static String headingText(String line) {
    Matcher heading = HEADING.matcher(line);
    return heading.matches() && heading.group(2) != null ? inline(heading.group(2)).strip() : inline(line).strip();
  }

  /** Removes inline markup: links and images keep their text, emphasis and code keep their content. */
  static String inline(String text) {
    String plain = IMAGE.matcher(text).replaceAll("$1");
    plain = INLINE_LINK.matcher(plain).replaceAll("$1");
    plain = REFERENCE_LINK.matcher(plain).replaceAll("$1");
    plain = AUTOLINK.matcher(plain).replaceAll("$1");
    plain = HTML_TAG.matcher(plain).replaceAll("");
    plain = CODE_SPAN.matcher(plain).replaceAll("$1");
    plain = STRONG.matcher(plain).replaceAll("$2");
    plain = STAR_EMPHASIS.matcher(plain).replaceAll("$1");
    plain = UNDERSCORE_EMPHASIS.matcher(plain).replaceAll("$1");
    plain = STRIKETHROUGH.matcher(plain).replaceAll("$1");
    return ESCAPE.matcher(plain).replaceAll("$1");
  }

  private static void appendLine(String line, ParagraphBuilder out) {
    if (line.isBlank() || RULE.matcher(line).matches() || SETEXT_UNDERLINE.matcher(line).matches()) {
      out.paragraphBreak();
      return;
    }
    if (REFERENCE_DEFINITION.matcher(line).matches() || TABLE_DELIMITER.matcher(line).matches()) {
      return;
    }
    Matcher heading = HEADING.matcher(line);
    if (heading.matches()) {
      out.paragraphBreak();
      out.appendInline(heading.group(2) == null ? "" : inline(heading.group(2)));
      out.paragraphBreak();
      return;
    }
    Matcher item = LIST_ITEM.matcher(line);
    if (item.matches()) {
      out.lineBreak();
      out.appendInline(inline(item.group(1)));
    } else if (line.stripLeading().startsWith("|")) {
      out.lineBreak();
      out.appendInline(inline(line));
    } else {
      out.wordBreak();
      out.appendInline(inline(line));
    }
  }
}
