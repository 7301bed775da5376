package dev.dealarchive.cli;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/** How results look on the command line: text for people, JSON maps for scripts. */
final class Rendering {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private Rendering() {}

  /** Marked text with bold marks on a terminal, {@code **} marks otherwise; control characters removed. */
  static String marked(MarkedText text) {
    if (Ansi.AUTO.enabled()) {
      return text.render("\u001b[1m", "\u001b[0m", Rendering::printable);
    }
    return text.render("**", "**", Rendering::printable);
  }

  /**
   * Text from an article made safe to print: control characters (an escape sequence could recolour or retitle the
   * terminal) and invisible format characters (bidi overrides such as U+202E reorder what is shown) are removed, as the
   * bot removes them; the zero-width joiner of emoji stays, tabs become spaces.
   */
  static String printable(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> {
      if (cp == '\n') {
        out.append('\n');
      } else if (cp == '\t' || cp == '\r') {
        out.append(' ');
      } else if (cp == 0x200d || !isInvisible(cp)) {
        out.appendCodePoint(cp);
      }
    });
    return out.toString();
  }

  private static boolean isInvisible(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL || type == Character.FORMAT || cp == 0x2028 || cp == 0x2029;
  }

  static String day(Instant instant) {
    return instant == null ? "undated" : DAY.format(instant);
  }

  /** An instant in UTC to the second, ISO-8601 ({@code 2026-04-28T09:30:00Z}), or {@code null}. */
  static String utcSecond(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** An ISO-8601 instant as stored (feed polls), in UTC to the second; other text as it is; null stays null. */
  static String utcSecond(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return utcSecond(Instant.parse(iso));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** A size with a sensible unit: {@code 512 bytes}, {@code 84.2 KB}, {@code 3.1 MB}, {@code 1.2 GB}. */
  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
  }

  /** A hit as three or four indented lines, wrapped to {@code width} columns (0: not wrapped). */
  static String hit(int rank, SearchHit hit, int width) {
    if (width <= 0) {
      return hit(rank, hit);
    }
    StringBuilder out = new StringBuilder();
    for (String line : hit(rank, hit).split("\n")) {
      out.append(wrap(line, width, "   ")).append('\n');
    }
    return out.toString();
  }

  /**
   * {@code line} broken at spaces so no line is wider than {@code width} columns (a longer word stays whole), later
   * lines starting with {@code indent}; ANSI colour codes take no columns.
   */
  static String wrap(String line, int width, String indent) {
    if (visibleLength(line) <= width) {
      return line;
    }
    int lead = 0;
    while (lead < line.length() && line.charAt(lead) == ' ') {
      lead++;
    }
    StringBuilder out = new StringBuilder(line.substring(0, lead));
    int column = lead;
    boolean lineStart = true;
    for (String word : line.substring(lead).split(" ")) {
      int length = visibleLength(word);
      if (!lineStart && column + 1 + length > width) {
        out.append('\n').append(indent);
        column = indent.length();
        lineStart = true;
      }
      if (!lineStart) {
        out.append(' ');
        column++;
      }
      out.append(word);
      column += length;
      lineStart = false;
    }
    return out.toString();
  }

  private static int visibleLength(String text) {
    String visible = text.replaceAll("\u001b\\[[0-9;]*m", "");
    return visible.codePointCount(0, visible.length());
  }

  /** A hit as three or four indented lines. */
  static String hit(int rank, SearchHit hit) {
    StringBuilder out = new StringBuilder();
    out.append(rank).append(". ").append(title(hit)).append('\n');
    List<String> meta = new ArrayList<>();
    meta.add(day(hit.published()));
    if (!hit.source().isBlank()) {
      // A missing source is left out, as in Slack; JSON has "".
      meta.add(printable(hit.source()));
    }
    meta.add(printable(hit.url() != null ? hit.url() : "id " + hit.id()));
    out.append("   ").append(String.join(" · ", meta)).append('\n');
    if (!hit.snippet().text().isEmpty()) {
      out.append("   ").append(marked(hit.snippet())).append('\n');
    }
    return out.toString();
  }

  /** A hit's title, printable, or {@code (untitled)}. */
  static String title(SearchHit hit) {
    String title = printable(hit.title()).strip();
    return title.isEmpty() ? "(untitled)" : title;
  }

  /** The JSON shape of a hit, the same in {@code search} and {@code ask}: id, title, source, url, published, score,
   * snippet, tags. */
  static Map<String, Object> hitJson(SearchHit hit) {
    return hitJson(hit, true);
  }

  /** The JSON shape of a hit: id, title, source, url, published, score, snippet, and tags when asked. */
  static Map<String, Object> hitJson(SearchHit hit, boolean withTags) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", hit.id());
    json.put("title", hit.title());
    json.put("source", hit.source());
    json.put("url", hit.url());
    json.put("published", utcSecond(hit.published()));
    json.put("score", hit.score());
    json.put("snippet", hit.snippet().withStars());
    if (withTags) {
      json.put("tags", hit.tags());
    }
    return json;
  }

  static String millis(long nanos) {
    double ms = nanos / 1e6;
    return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
  }
}
