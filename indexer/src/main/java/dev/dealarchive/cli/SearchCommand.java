package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive search QUERY}: full-text search in the archive's query language. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Full-text search; every word must match.",
      "Query syntax: \"quoted phrases\" match exactly; -word excludes; a OR b matches either; filters are "
          + "title:word, source:NAME (the name or words of it), tag:NAME, after:YYYY-MM-DD, before:YYYY-MM-DD, "
          + "during:YYYY and during:YYYY-MM.",
      "A query of only filters lists matches, newest first."
    },
    footer = {
      "%nExamples:",
      "  archive search revenue share",
      "  archive search '\"revenue share\" -Google'",
      "  archive search 'cloud AWS OR Azure source:Reuters after:2026-01-01' --sort newest --limit 20",
      "  archive search --json --offset 10 'licence exclusive'"
    })
public final class SearchCommand implements Callable<Integer> {
  /** Deepest hit a search pages to, as in Elasticsearch: deeper paging is better done by narrowing the query. */
  static final int MAX_WINDOW = 10_000;
  /** Longest echo of the query in the header; a pasted page is not printed back whole. */
  private static final int ECHO_CHARS = 200;

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Parameters(paramLabel = "QUERY", arity = "1..*", description = "The query (several words are joined).")
  List<String> query = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "How many hits (default: 10).")
  int limit = 10;

  @Option(names = "--offset", paramLabel = "N", description = "Skip the first N hits, for paging (default: 0).")
  int offset;

  @Option(names = "--sort", paramLabel = "ORDER", description = "relevance (default) or newest.")
  String sort = "relevance";

  @Option(names = "--json", description = "Print one JSON object: query, total, hits.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SortOrder order;
    try {
      order = SortOrder.valueOf(sort.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      err.println("archive search: --sort must be relevance or newest, not " + sort);
      return ExitCodes.USAGE;
    }
    UnknownOptions.refuse(spec, query);
    if (limit < 1 || offset < 0) {
      err.println("archive search: --limit must be at least 1 and --offset not negative");
      return ExitCodes.USAGE;
    }
    if ((long) offset + limit > MAX_WINDOW) {
      err.printf(Locale.ROOT, "archive search: --offset plus --limit may be at most %,d (here %,d); narrow the query "
          + "with more words or filters (after:, source:, tag:) instead%n", MAX_WINDOW, (long) offset + limit);
      return ExitCodes.USAGE;
    }
    String text = String.join(" ", query);
    SearchResult result;
    try (ArchiveEngine archive = location.engine(err)) {
      result = archive.search(new SearchRequest(text, limit, offset, order));
    }
    if (json) {
      out.println(Json.write(toJson(result)));
      return ExitCodes.OK;
    }
    result.notices().forEach(notice -> out.println("Note: " + notice));
    String shown = Rendering.printable(text).strip();
    out.println("Search: " + (shown.length() <= ECHO_CHARS ? shown : shown.substring(0, ECHO_CHARS) + "\u2026"));
    out.println(header(result, offset) + " \u00b7 " + Rendering.millis(result.tookNanos()));
    // On a terminal, lines are wrapped to its width; piped output keeps one line per field for scripts.
    int width = Ansi.AUTO.enabled() ? spec.commandLine().getUsageHelpWidth() : 0;
    int rank = offset + 1;
    for (SearchHit hit : result.hits()) {
      out.println();
      out.print(Rendering.hit(rank++, hit, width));
    }
    return ExitCodes.OK;
  }

  /** Which hits are shown: {@code showing 1–10 of 48 (--offset 10 for more)}, or that there are none. */
  static String header(SearchResult result, int offset) {
    String total = String.format(Locale.ROOT, "%,d%s", result.total(), result.totalIsLowerBound() ? "+" : "");
    if (result.total() == 0) {
      return "no articles match";
    }
    if (result.hits().isEmpty()) {
      return String.format(Locale.ROOT, "showing none of %s: --offset %,d is past the last", total, offset);
    }
    int last = offset + result.hits().size();
    String shown = String.format(Locale.ROOT, "showing %,d\u2013%,d of %s", offset + 1, last, total);
    return last < result.total() || result.totalIsLowerBound()
        ? shown + String.format(Locale.ROOT, " (--offset %d for more)", last)
        : shown;
  }

  static Map<String, Object> toJson(SearchResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("query", result.query());
    json.put("total", result.total());
    // Present only when true, so the output of searches with exact totals is as before.
    if (result.totalIsLowerBound()) {
      json.put("total_is_lower_bound", true);
    }
    json.put("hits", result.hits().stream().map(Rendering::hitJson).toList());
    json.put("notices", result.notices());
    return json;
  }
}
