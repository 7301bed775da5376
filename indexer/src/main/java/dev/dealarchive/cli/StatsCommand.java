package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.FeedState;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
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
    description = "Article count, sources, date range, index size and last update.",
    footer = {"%nExamples:", "  archive stats", "  archive stats --json --index /srv/archive/index"})
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
    try (ArchiveEngine archive = location.engine(spec.commandLine().getErr())) {
      stats = archive.stats();
    }
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("index", location.path().toString());
      map.put("articles", stats.articles());
      map.put("sources", stats.sources());
      map.put("oldest", Rendering.utcSecond(stats.oldest()));
      map.put("newest", Rendering.utcSecond(stats.newest()));
      map.put("size_bytes", stats.sizeBytes());
      map.put("last_update", Rendering.utcSecond(stats.lastUpdate()));
      map.put("feeds", IndexFolder.at(location.path()).feedStates().all().stream().map(StatsCommand::feedJson).toList());
      out.println(Json.write(map));
      return ExitCodes.OK;
    }
    out.printf("Index:       %s%n", location.path());
    out.printf("Articles:    %,d%n", stats.articles());
    out.printf(
        "Published:   %s to %s%n", Rendering.day(stats.oldest()), Rendering.day(stats.newest()));
    out.printf("Size:        %s%n", Rendering.size(stats.sizeBytes()));
    out.printf("Last update: %s%n", stats.lastUpdate() == null ? "never" : Rendering.utcSecond(stats.lastUpdate()));
    out.printf("Sources:     %,d%n", stats.sources().size());
    stats.sources().entrySet().stream()
        .limit(SOURCES_LISTED)
        .forEach(e -> out.printf("  %,8d  %s%n", e.getValue(), Rendering.printable(e.getKey())));
    if (stats.sources().size() > SOURCES_LISTED) {
      out.printf("  ... and %,d more (--json lists all)%n", stats.sources().size() - SOURCES_LISTED);
    }
    List<FeedState> feeds = IndexFolder.at(location.path()).feedStates().all();
    if (!feeds.isEmpty()) {
      out.printf("Feeds:       %,d%n", feeds.size());
      for (FeedState feed : feeds) {
        out.printf(
            "  %s%n    last poll %s, %,d articles%s%n",
            feed.url(),
            feed.lastPoll() == null ? "never" : Rendering.utcSecond(feed.lastPoll()),
            feed.articles(),
            feed.lastError() == null ? "" : "; last error: " + feed.lastError());
      }
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> feedJson(FeedState feed) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("url", feed.url());
    map.put("last_poll", Rendering.utcSecond(feed.lastPoll()));
    map.put("last_success", Rendering.utcSecond(feed.lastSuccess()));
    map.put("last_error", feed.lastError());
    map.put("articles", feed.articles());
    return map;
  }
}
