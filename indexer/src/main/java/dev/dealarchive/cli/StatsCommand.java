package dev.dealarchive.cli;

import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.VectorState;
import dev.dealarchive.indexing.VectorStats;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
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
    VectorStats vectors;
    try (ArchiveEngine archive = location.engine(spec.commandLine().getErr())) {
      stats = archive.stats();
      vectors = archive.vectorStats();
    }
    String installed = installedModel();
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("index", location.path().toString());
      map.put("articles", stats.articles());
      map.put("sources", stats.sources());
      map.put("oldest", stats.oldest() == null ? null : stats.oldest().toString());
      map.put("newest", stats.newest() == null ? null : stats.newest().toString());
      map.put("size_bytes", stats.sizeBytes());
      map.put("last_update", stats.lastUpdate() == null ? null : stats.lastUpdate().toString());
      map.put("feeds", IndexFolder.at(location.path()).feedStates().all().stream().map(StatsCommand::feedJson).toList());
      map.put("vectors", vectorsJson(vectors, installed));
      out.println(Json.write(map));
      return ExitCodes.OK;
    }
    out.printf("Index:       %s%n", location.path());
    out.printf("Articles:    %,d%n", stats.articles());
    out.printf(
        "Published:   %s to %s%n", Rendering.day(stats.oldest()), Rendering.day(stats.newest()));
    out.printf(Locale.ROOT, "Size:        %.1f MB%n", stats.sizeBytes() / 1048576.0);
    out.printf("Last update: %s%n", stats.lastUpdate() == null ? "never" : stats.lastUpdate());
    printVectors(out, vectors, installed);
    out.printf("Sources:     %,d%n", stats.sources().size());
    stats.sources().entrySet().stream()
        .limit(SOURCES_LISTED)
        .forEach(e -> out.printf("  %,8d  %s%n", e.getValue(), e.getKey()));
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
            feed.lastPoll() == null ? "never" : feed.lastPoll(),
            feed.articles(),
            feed.lastError() == null ? "" : "; last error: " + feed.lastError());
      }
    }
    return ExitCodes.OK;
  }

  /** The key of the model this installation embeds with, found without loading it; null when none is installed. */
  private static String installedModel() {
    try {
      return Embedders.provider().map(EmbedderProvider::modelKey).orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void printVectors(PrintWriter out, VectorStats vectors, String installed) {
    VectorState state = vectors.state();
    if (!state.enabled() && vectors.passages() == 0) {
      out.println("Vectors:     none (keyword-only; `archive embed` adds them)");
      return;
    }
    out.printf(
        "Vectors:     %,d passages of %,d articles%s%n",
        vectors.passages(),
        vectors.embedded(),
        state.enabled() ? "" : " (vectors are off for new articles)");
    out.printf("Model:       %s%n", state.modelKey() == null ? "none yet" : state.modelKey());
    if (vectors.waiting() > 0) {
      out.printf("Waiting:     %,d articles wait for vectors (the next sync or `archive embed` adds them)%n", vectors.waiting());
    }
    if (state.modelKey() != null && installed != null && !installed.equals(state.modelKey())) {
      out.printf("             the installed model is %s: run `archive embed` to embed every article with it%n", installed);
    }
  }

  private static Map<String, Object> vectorsJson(VectorStats vectors, String installed) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("enabled", vectors.state().enabled());
    map.put("model", vectors.state().modelKey());
    map.put("dimension", vectors.state().dimension() == 0 ? null : vectors.state().dimension());
    map.put("installed_model", installed);
    map.put("passages", vectors.passages());
    map.put("embedded_articles", vectors.embedded());
    map.put("waiting", vectors.waiting());
    return map;
  }

  private static Map<String, Object> feedJson(FeedState feed) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("url", feed.url());
    map.put("last_poll", feed.lastPoll());
    map.put("last_success", feed.lastSuccess());
    map.put("last_error", feed.lastError());
    map.put("articles", feed.articles());
    return map;
  }
}
