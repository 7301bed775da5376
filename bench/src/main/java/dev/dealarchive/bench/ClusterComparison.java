package dev.dealarchive.bench;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.opensearch.ClusterClient;
import dev.dealarchive.opensearch.ClusterConfig;
import dev.dealarchive.opensearch.OpenSearchEngine;
import dev.dealarchive.read.ReadOptions;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code archive bench --opensearch URL}: the same corpus, query log and question log through the embedded index and
 * through a cluster, side by side (build, search p50/p99 and queries per second, ask p50/p99), so a user sees what the
 * move costs and gains on the machines at hand. The cluster index is the bench's own ({@code archive-bench} unless
 * named), replaced at the start and deleted at the end; it has one shard and no replica unless the cluster is given
 * more with {@code --shards}/{@code --replicas}.
 */
final class ClusterComparison {
  /** The figures of one engine. */
  record Figures(String engine, double buildSeconds, long articles, LatencySummary search, double qps1,
      double qpsN, LatencySummary ask) {}

  private final BenchSettings settings;
  private final ClusterConfig cluster;
  private final int shards;
  private final int replicas;
  private final PrintWriter progress;
  private final LoadDriver driver = new LoadDriver();

  ClusterComparison(BenchSettings settings, ClusterConfig cluster, int shards, int replicas, PrintWriter progress) {
    this.settings = settings;
    this.cluster = cluster;
    this.shards = shards;
    this.replicas = replicas;
    this.progress = progress;
  }

  List<Figures> run() throws Exception {
    Corpus base = Corpus.read(settings.corpus());
    List<String> queries = QueryLog.generate(base, settings.queries(), settings.seed()).queries();
    List<String> questions = QuestionLog.generate(base, settings.questions(), settings.seed() + 1).questions();
    Path work = settings.work() == null ? Files.createTempDirectory("archive-bench-") : settings.work();
    List<Figures> figures = new ArrayList<>();
    try {
      Path embeddedDir = work.resolve("embedded");
      try (EmbeddedEngine embedded = EmbeddedEngine.open(embeddedDir)) {
        figures.add(measure("embedded", embedded, queries, questions));
      }
      dropBenchIndex();
      try (OpenSearchEngine os = OpenSearchEngine.open(
          cluster, EngineSettings.of(work.resolve("cluster-copy")).withEnvironment(Map.of()), shards, replicas)) {
        figures.add(measure("OpenSearch", os, queries, questions));
      } finally {
        dropBenchIndex();
      }
    } finally {
      if (!settings.keep()) {
        Benchmark.deleteTree(work);
      }
    }
    return figures;
  }

  private void dropBenchIndex() throws IOException {
    try (ClusterClient client = ClusterClient.connect(cluster)) {
      for (String index : List.of(cluster.index(), cluster.stateIndex())) {
        ClusterClient.Reply reply = client.send("DELETE", "/" + index, Map.of(), null);
        if (!reply.ok() && reply.status() != 404) {
          throw client.failure("DELETE", "/" + index, reply);
        }
      }
    }
  }

  private Figures measure(String name, ArchiveEngine engine, List<String> queries, List<String> questions)
      throws Exception {
    Benchmark.say(progress, "[%s] full build, %d threads", name, settings.threads());
    long start = System.nanoTime();
    IndexSummary summary = engine.index(List.of(settings.corpus()),
        new IndexOptions(ReadOptions.defaults(), settings.threads(), false), IndexProgress.NONE);
    double buildSeconds = (System.nanoTime() - start) / 1e9;
    Benchmark.say(progress, "      %.2f s, %,d articles", buildSeconds, summary.added());
    LoadDriver.Client searcher = i -> {
      SearchResult result = engine.search(SearchRequest.of(queries.get(i), ArchiveUnderTest.TOP));
      return result.hits().size() + (result.hits().isEmpty() ? 0 : result.hits().get(0).snippet().text().length());
    };
    Benchmark.say(progress, "[%s] search: warm-up, then %,d queries timed", name, queries.size());
    driver.warmUp(searcher, queries.size(), queries.size());
    LatencySummary search = LatencySummary.ofNanos(driver.timeEach(searcher, queries.size()));
    double qps1 = driver.throughput(() -> searcher, 1, queries.size(), queries.size(), name + "-search");
    double qpsN = settings.threads() == 1 ? qps1
        : driver.throughput(() -> searcher, settings.threads(), queries.size() * 2, queries.size(), name + "-search");
    LoadDriver.Client asker = i -> {
      AskResult result = engine.ask(questions.get(i), ArchiveUnderTest.ASK_LIMIT);
      return result.hits().size() + (result.answer() == null ? 0 : result.answer().passage().text().length());
    };
    Benchmark.say(progress, "[%s] ask: warm-up, then %,d questions timed", name, questions.size());
    driver.warmUp(asker, Math.min(100, questions.size()), questions.size());
    LatencySummary ask = LatencySummary.ofNanos(driver.timeEach(asker, questions.size()));
    return new Figures(name, buildSeconds, summary.added(), search, qps1, qpsN, ask);
  }

  /** The figures as a text table, the engines side by side. */
  static String render(List<Figures> figures, int threads, double loadBefore, double loadAfter) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%-34s", "Figure"));
    figures.forEach(f -> out.append(String.format(Locale.ROOT, "%14s", f.engine())));
    out.append('\n');
    row(out, "Articles", figures, f -> String.format(Locale.ROOT, "%,d", f.articles()));
    row(out, "Full build, " + threads + " threads (s)", figures, f -> fmt(f.buildSeconds()));
    row(out, "Search p50, top 10 + snippets (ms)", figures, f -> fmt(f.search().p50Ms()));
    row(out, "Search p99 (ms)", figures, f -> fmt(f.search().p99Ms()));
    row(out, "Search, 1 client (queries/s)", figures, f -> String.format(Locale.ROOT, "%,.0f", f.qps1()));
    row(out, "Search, " + threads + " clients (queries/s)", figures,
        f -> String.format(Locale.ROOT, "%,.0f", f.qpsN()));
    row(out, "Ask p50, with passages (ms)", figures, f -> fmt(f.ask().p50Ms()));
    row(out, "Ask p99 (ms)", figures, f -> fmt(f.ask().p99Ms()));
    out.append(String.format(Locale.ROOT, "Load average %.2f before, %.2f after; %d cores.%n", loadBefore, loadAfter,
        Runtime.getRuntime().availableProcessors()));
    return out.toString();
  }

  private interface Cell {
    String of(Figures figures);
  }

  private static void row(StringBuilder out, String label, List<Figures> figures, Cell cell) {
    out.append(String.format(Locale.ROOT, "%-34s", label));
    figures.forEach(f -> out.append(String.format(Locale.ROOT, "%14s", cell.of(f))));
    out.append('\n');
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }
}
