package dev.dealarchive.read;

import java.util.regex.Pattern;

/**
 * Builds article text in the shape the rest of the archive expects: one paragraph per line and a blank line between
 * paragraphs, so that sentence splitting never has to deal with hard-wrapped lines.
 *
 * <p>Breaks are requested, not written: they only appear between pieces of text, so leading, trailing and repeated
 * breaks never show up in the result.
 */
final class ParagraphBuilder {
  private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+\u2022]|\\d{1,3}[.)])\\s+\\S.*");

  private enum Break {
    NONE,
    LINE,
    PARAGRAPH
  }

  private final StringBuilder text = new StringBuilder();
  private Break pendingBreak = Break.NONE;
  private boolean pendingSpace;

  /**
   * Shapes plain text: lines separated by a blank line become paragraphs, the lines of one paragraph are joined, and
   * lines that look like list items stay lines of their own.
   */
  static String fromPlainText(String plain) {
    ParagraphBuilder builder = new ParagraphBuilder();
    plain.lines().forEach(builder::appendPlainLine);
    return builder.toString();
  }

  /** Adds one line of plain text: blank ends the paragraph, a list item starts a new line, else joins the paragraph. */
  void appendPlainLine(String line) {
    if (line.isBlank()) {
      paragraphBreak();
    } else {
      if (LIST_ITEM.matcher(line).matches()) {
        lineBreak();
      } else {
        wordBreak();
      }
      appendInline(line);
    }
  }

  /** Appends running text; runs of white space, line breaks included, become single spaces. */
  void appendInline(String inline) {
    int length = inline.length();
    int i = 0;
    while (i < length) {
      if (isSpace(inline.charAt(i))) {
        pendingSpace = true;
        i++;
        continue;
      }
      int wordEnd = i + 1;
      while (wordEnd < length && !isSpace(inline.charAt(wordEnd))) {
        wordEnd++;
      }
      writePending();
      text.append(inline, i, wordEnd);
      i = wordEnd;
    }
  }

  /** The next text is a new word, as when joining two lines of one paragraph. */
  void wordBreak() {
    pendingSpace = true;
  }

  /** The next text starts a new line of the same paragraph. */
  void lineBreak() {
    if (pendingBreak == Break.NONE) {
      pendingBreak = Break.LINE;
    }
  }

  /** The next text starts a new paragraph. */
  void paragraphBreak() {
    pendingBreak = Break.PARAGRAPH;
  }

  @Override
  public String toString() {
    return text.toString();
  }

  private static boolean isSpace(char c) {
    if (c > ' ' && c < '\u007f') {
      return false;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  private void writePending() {
    if (!text.isEmpty()) {
      switch (pendingBreak) {
        case PARAGRAPH -> text.append("\n\n");
        case LINE -> text.append('\n');
        case NONE -> {
          if (pendingSpace) {
            text.append(' ');
          }
        }
      }
    }
    pendingBreak = Break.NONE;
    pendingSpace = false;
  }
}
