package dev.dealarchive.web;

import dev.dealarchive.search.MarkedText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Escaping for HTML text and attribute values: every piece of article text and user input passes through here. */
final class Html {
  private Html() {}

  /** Text safe inside an element or a double-quoted attribute. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    for (int i = 0; i < text.length(); i++) {
      if (replacement(text.charAt(i)) != null) {
        // Most text needs no escaping and is returned as it is; the rest is copied once.
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        return escape(out, text, i, text.length()).toString();
      }
    }
    return text;
  }

  /** The entity that stands for {@code c} in HTML, or null when {@code c} stands for itself. */
  private static String replacement(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\'' -> "&#39;";
      default -> null;
    };
  }

  /** Marked text with each mark in {@code <mark>}, everything escaped. */
  static String marked(MarkedText text) {
    return marked(new StringBuilder(text.text().length() + 32), text).toString();
  }

  /** Appends {@link #marked(MarkedText)} to {@code out} without making it a string first (pages show many). */
  static StringBuilder marked(StringBuilder out, MarkedText marked) {
    String text = marked.text();
    int at = 0;
    for (MarkedText.Span span : marked.marks()) {
      escape(out, text, at, span.start()).append("<mark>");
      escape(out, text, span.start(), span.end()).append("</mark>");
      at = span.end();
    }
    return escape(out, text, at, text.length());
  }

  /** Appends {@code text[start, end)} escaped as {@link #escape(String)} escapes it. */
  private static StringBuilder escape(StringBuilder out, String text, int start, int end) {
    if (start > end || end > text.length()) {
      throw new StringIndexOutOfBoundsException("begin " + start + ", end " + end + ", length " + text.length());
    }
    int plain = start;
    for (int i = start; i < end; i++) {
      String replacement = replacement(text.charAt(i));
      if (replacement != null) {
        out.append(text, plain, i).append(replacement);
        plain = i + 1;
      }
    }
    return out.append(text, plain, end);
  }

  /**
   * The url when it is an absolute http or https link, else {@code null}: an article's {@code javascript:} or
   * {@code data:} url is shown as text, never linked.
   */
  static String safeLink(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? uri.toString() : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
