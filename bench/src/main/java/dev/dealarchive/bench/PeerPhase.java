package dev.dealarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer phase: builds the SQLite FTS5 database from the same corpus and runs the same query log against it. The
 * build is timed at every corpus size (issue 10's build target is also set at 5×); the searches on the first only.
 */
final class PeerPhase {
  private final BenchSettings settings;
  private final LoadDriver driver;
  private final PrintWriter progress;

  PeerPhase(BenchSettings settings, LoadDriver driver, PrintWriter progress) {
    this.settings = settings;
    this.driver = driver;
    this.progress = progress;
  }

  /** Builds the peer's database from {@code corpus} and, when {@code search}, times the query log against it. */
  void run(Path corpus, List<String> queries, Path work, ScaleFigures figures, boolean search) throws Exception {
    Path database = work.resolve("fts5-x" + figures.scale() + ".db");
    deleteDatabase(database);
    try {
      Benchmark.say(progress, "[x%d] peer: FTS5 build", figures.scale());
      BuildResult build = Fts5Peer.build(corpus, database);
      Benchmark.say(progress, "      %.2f s, %,.0f articles/s, database %.1f MB",
          build.seconds(), build.articlesPerSecond(), build.indexBytes() / 1e6);
      figures.peer(Keys.BUILD_SECONDS, "Full build, " + settings.threads() + " threads", "s", build.seconds(), true);
      figures.peer(Keys.BUILD_RATE, "Build throughput", "articles/s", build.articlesPerSecond(), false);
      figures.peer(Keys.BUILD_MB_PER_S, "Build throughput", "MB/s", build.megabytesPerSecond(), false);
      figures.peer(Keys.INDEX_MB, "Index size on disk", "MB", build.indexBytes() / 1e6, true);
      if (!search) {
        return;
      }
      Benchmark.say(progress, "[x%d] peer: search warm-up over %,d queries, then timed", figures.scale(),
          queries.size());
      LatencySummary latency;
      try (LoadDriver.Client client = Fts5Peer.open(database).client(queries)) {
        driver.warmUp(client, queries.size(), queries.size());
        // The same settling as the archive gets (its clients' connections are opened per pass, as in the timed runs).
        Benchmark.sayHowSettled(progress,
            driver.settle(() -> Fts5Peer.open(database).client(queries), settings.threads(), queries.size(), "fts5"));
        latency = LatencySummary.ofNanos(driver.timeEach(client, queries.size()));
      }
      Benchmark.recordLatency(figures, latency, true);
      for (int clients : settings.threads() == 1 ? List.of(1) : List.of(1, settings.threads())) {
        double qps =
            driver.throughput(
                () -> Fts5Peer.open(database).client(queries), clients, queries.size() * 2, queries.size(), "fts5");
        figures.peer(Keys.searchQps(clients), "Search throughput, " + clients + " client" + (clients == 1 ? "" : "s"),
            "queries/s", qps, false);
      }
      Benchmark.say(progress, "      p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms",
          latency.p50Ms(), latency.p99Ms(), latency.p999Ms());
    } finally {
      deleteDatabase(database);
    }
  }

  private static void deleteDatabase(Path database) throws IOException {
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
    }
  }
}
