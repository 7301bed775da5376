package dev.dealarchive.cli;

import dev.dealarchive.Archive;
import dev.dealarchive.index.ArchiveStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive stats}: what the index holds. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Article count, sources, date range, index size and last update.")
public final class StatsCommand implements Callable<Integer> {
  private static final int SOURCES_LISTED = 15;

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ArchiveStats stats;
    try (Archive archive = location.open(spec.commandLine().getErr())) {
      stats = archive.stats();
    }
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("index", location.path().toString());
      map.put("articles", stats.articles());
      map.put("sources", stats.sources());
      map.put("oldest", stats.oldest() == null ? null : stats.oldest().toString());
      map.put("newest", stats.newest() == null ? null : stats.newest().toString());
      map.put("size_bytes", stats.sizeBytes());
      map.put("last_update", stats.lastUpdate() == null ? null : stats.lastUpdate().toString());
      out.println(Json.write(map));
      return ExitCodes.OK;
    }
    out.printf("Index:       %s%n", location.path());
    out.printf("Articles:    %,d%n", stats.articles());
    out.printf(
        "Published:   %s to %s%n", Rendering.day(stats.oldest()), Rendering.day(stats.newest()));
    out.printf(Locale.ROOT, "Size:        %.1f MB%n", stats.sizeBytes() / 1048576.0);
    out.printf("Last update: %s%n", stats.lastUpdate() == null ? "never" : stats.lastUpdate());
    out.printf("Sources:     %,d%n", stats.sources().size());
    stats.sources().entrySet().stream()
        .limit(SOURCES_LISTED)
        .forEach(e -> out.printf("  %,8d  %s%n", e.getValue(), e.getKey()));
    if (stats.sources().size() > SOURCES_LISTED) {
      out.printf("  ... and %,d more (--json lists all)%n", stats.sources().size() - SOURCES_LISTED);
    }
    return ExitCodes.OK;
  }
}
