package dev.dealarchive.cli;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Help.Ansi;

/** How results look on the command line: text for people, JSON maps for scripts. */
final class Rendering {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  private Rendering() {}

  /** Marked text with bold marks on a terminal, {@code **} marks otherwise. */
  static String marked(MarkedText text) {
    if (Ansi.AUTO.enabled()) {
      return text.render("\u001b[1m", "\u001b[0m", UnaryOperator.identity());
    }
    return text.withStars();
  }

  static String day(Instant instant) {
    return instant == null ? "undated" : DAY.format(instant);
  }

  /** A hit as three or four indented lines. */
  static String hit(int rank, SearchHit hit) {
    StringBuilder out = new StringBuilder();
    out.append(rank).append(". ").append(hit.title().isEmpty() ? "(untitled)" : hit.title()).append('\n');
    List<String> meta = new ArrayList<>();
    meta.add(day(hit.published()));
    if (!hit.source().isEmpty()) {
      meta.add(hit.source());
    }
    meta.add(hit.url() != null ? hit.url() : "id " + hit.id());
    out.append("   ").append(String.join(" · ", meta)).append('\n');
    if (!hit.snippet().text().isEmpty()) {
      out.append("   ").append(marked(hit.snippet())).append('\n');
    }
    return out.toString();
  }

  /** The JSON shape of a hit: id, title, source, url, published, score, snippet, tags. */
  static Map<String, Object> hitJson(SearchHit hit, boolean withTags) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", hit.id());
    json.put("title", hit.title());
    json.put("source", hit.source());
    json.put("url", hit.url());
    json.put("published", hit.published() == null ? null : hit.published().toString());
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
