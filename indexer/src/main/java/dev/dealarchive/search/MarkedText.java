package dev.dealarchive.search;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A piece of article text with the words that matched the query marked, independent of how a surface shows marks
 * (bold in Slack, {@code **} in JSON, ANSI bold on a terminal).
 *
 * @param text the plain text
 * @param marks matched ranges, sorted, non-overlapping
 */
public record MarkedText(String text, List<Span> marks) {

  /** A matched range of {@code text}, {@code start} inclusive, {@code end} exclusive. */
  public record Span(int start, int end) {
    public Span {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("bad span " + start + ".." + end);
      }
    }
  }

  public MarkedText {
    text = text == null ? "" : text;
    marks = marks == null ? List.of() : List.copyOf(marks);
  }

  /** Text without marks. */
  public static MarkedText plain(String text) {
    return new MarkedText(text, List.of());
  }

  /**
   * Renders the text, escaping every piece with {@code escape} and wrapping each mark in {@code open} and
   * {@code close}.
   */
  public String render(String open, String close, UnaryOperator<String> escape) {
    StringBuilder out = new StringBuilder(text.length() + marks.size() * (open.length() + close.length()));
    int at = 0;
    for (Span span : marks) {
      out.append(escape.apply(text.substring(at, span.start())));
      out.append(open).append(escape.apply(text.substring(span.start(), span.end()))).append(close);
      at = span.end();
    }
    out.append(escape.apply(text.substring(at)));
    return out.toString();
  }

  /** Renders with {@code **} around marks and no escaping, the form used in JSON output. */
  public String withStars() {
    return render("**", "**", UnaryOperator.identity());
  }
}
