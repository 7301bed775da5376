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
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Marked text with each mark in {@code <mark>}, everything escaped. */
  static String marked(MarkedText text) {
    return text.render("<mark>", "</mark>", Html::escape);
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
