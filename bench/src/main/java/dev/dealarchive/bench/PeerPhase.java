package dev.dealarchive.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer phase: builds the SQLite FTS5 database from the same corpus and runs the same query log against it. The
 * build is timed at every corpus size (issue 10's build target is also set at 5×). The searches are timed one at a
 * time at every size where the archive's are (how the peer's p99 grows is the yardstick for the archive's, target
 * {@code scale_search_p99}); throughput with several clients at the first size only, since settling FTS5 at 25×
 * would take minutes (a search there takes about 11 ms at p50, against 1.4 ms at 1×).
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

  /**
   * Builds the peer's database from {@code corpus}; when {@code latency}, times the query log against it one query at
   * a time, and when {@code throughput} also settles it and times it with the archive's numbers of clients.
   */
  void run(Path corpus, List<String> queries, Path work, ScaleFigures figures, boolean latency, boolean throughput)
      throws Exception {
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
      if (!latency && !throughput) {
        return;
      }
      Benchmark.say(progress, "[x%d] peer: search warm-up over %,d queries, then timed", figures.scale(),
          queries.size());
      LatencySummary latencies;
      try (LoadDriver.Client client = Fts5Peer.open(database).client(queries)) {
        driver.warmUp(client, queries.size(), queries.size());
        if (throughput) {
          // The same settling as the archive gets (its clients' connections are opened per pass, as in the timed
          // runs).
          Benchmark.sayHowSettled(progress,
              driver.settle(() -> Fts5Peer.open(database).client(queries), settings.threads(), queries.size(), "fts5"));
        }
        latencies = LatencySummary.ofNanos(driver.timeEach(client, queries.size()));
      }
      Benchmark.recordLatency(figures, latencies, true);
      Benchmark.say(progress, "      p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms",
          latencies.p50Ms(), latencies.p99Ms(), latencies.p999Ms());
      if (!throughput) {
        return;
      }
      for (int clients : settings.threads() == 1 ? List.of(1) : List.of(1, settings.threads())) {
        double qps =
            driver.throughput(
                () -> Fts5Peer.open(database).client(queries), clients, queries.size() * 2, queries.size(), "fts5");
        figures.peer(Keys.searchQps(clients), "Search throughput, " + clients + " client" + (clients == 1 ? "" : "s"),
            "queries/s", qps, false);
      }
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
