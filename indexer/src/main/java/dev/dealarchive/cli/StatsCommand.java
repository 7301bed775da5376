package dev.dealarchive.cli;

import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.channels.Digest;
import dev.dealarchive.channels.Follow;
import dev.dealarchive.channels.Scope;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.VectorState;
import dev.dealarchive.indexing.VectorStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
    VectorStats vectors;
    try (ArchiveEngine archive = location.engine(spec.commandLine().getErr())) {
      stats = archive.stats();
      vectors = archive.vectorStats();
    }
    if (json) {
      out.println(Json.write(toJson(location.path(), stats, vectors)));
      return ExitCodes.OK;
    }
    out.printf("Index:       %s%n", location.path());
    out.printf("Articles:    %,d%n", stats.articles());
    out.printf(
        "Published:   %s to %s%n", Rendering.day(stats.oldest()), Rendering.day(stats.newest()));
    out.printf("Size:        %s%n", Rendering.size(stats.sizeBytes()));
    out.printf("Last update: %s%n", stats.lastUpdate() == null ? "never" : Rendering.utcSecond(stats.lastUpdate()));
    printVectors(out, vectors, installedModel());
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
    printChannels(out, IndexFolder.at(location.path()).channelSettings());
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

  /** The object {@code archive stats --json} prints, with the vectors' figures. */
  static Map<String, Object> toJson(Path index, ArchiveStats stats, VectorStats vectors) throws IOException {
    Map<String, Object> map = toJson(index, stats);
    map.put("vectors", vectorsJson(vectors, installedModel()));
    return map;
  }

  static Map<String, Object> toJson(Path index, ArchiveStats stats) throws IOException {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("index", index.toString());
    map.put("articles", stats.articles());
    map.put("sources", stats.sources());
    map.put("oldest", Rendering.utcSecond(stats.oldest()));
    map.put("newest", Rendering.utcSecond(stats.newest()));
    map.put("size_bytes", stats.sizeBytes());
    map.put("last_update", Rendering.utcSecond(stats.lastUpdate()));
    map.put("feeds", IndexFolder.at(index).feedStates().all().stream().map(StatsCommand::feedJson).toList());
    ChannelSettings channels = IndexFolder.at(index).channelSettings();
    map.put("follows", channels.follows());
    map.put("digests", channels.digests());
    map.put("scopes", channels.scopes());
    return map;
  }

  /** What the bot's channels asked for: followed queries, digests and scopes, from the index folder. */
  private static void printChannels(PrintWriter out, ChannelSettings channels) {
    if (!channels.follows().isEmpty()) {
      out.printf("Follows:     %,d%n", channels.follows().size());
      for (Follow follow : channels.follows()) {
        out.printf("  %s #%d  %s  (by %s, %s)%n", follow.channel(), follow.number(), follow.query(), follow.user(),
            follow.created());
      }
    }
    if (!channels.digests().isEmpty()) {
      out.printf("Digests:     %,d%n", channels.digests().size());
      for (Digest digest : channels.digests()) {
        out.printf("  %s  %s%s  (last sent %s)%n", digest.channel(), digest.period(),
            digest.query().isBlank() ? "" : " " + digest.query(),
            digest.lastSent() == null ? "never" : digest.lastSent());
      }
    }
    if (!channels.scopes().isEmpty()) {
      out.printf("Scopes:      %,d%n", channels.scopes().size());
      for (Scope scope : channels.scopes()) {
        out.printf("  %s  %s  (set by %s, %s)%n", scope.channel(), scope.filters(), scope.user(), scope.set());
      }
    }
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
