package dev.dealarchive.bench;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.engine.IndexFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Runs the selected phases on each corpus size and collects the figures. Progress goes to a writer (the command's
 * standard error); the figures go into the returned {@link BenchReport}.
 */
public final class Benchmark {
  private static final int RESYNC_RUNS = 5;
  private static final int ASK_WARM_UP = 200;
  private static final int COLD_WARM_UPS = 2;

  private final BenchSettings settings;
  private final PrintWriter progress;
  private final LoadDriver driver = new LoadDriver();

  /**
   * @param settings what to measure
   * @param progress receives one line per step
   */
  public Benchmark(BenchSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** Runs the benchmark; the work folder is deleted at the end unless the settings keep it. */
  public BenchReport run() throws Exception {
    Instant started = Instant.now();
    double loadBefore = Machine.loadAverage();
    say("reading %s", settings.corpus());
    Corpus base = Corpus.read(settings.corpus());
    QueryLog queries = QueryLog.generate(base, settings.queries(), settings.seed());
    QuestionLog questions = QuestionLog.generate(base, settings.questions(), settings.seed() + 1);
    say("%,d articles; %,d queries and %,d questions generated with seed %d",
        base.articles().size(), queries.queries().size(), questions.questions().size(), settings.seed());
    Path work = settings.work() == null ? Files.createTempDirectory("archive-bench-") : settings.work();
    Files.createDirectories(work);
    List<ScaleFigures> scales = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      for (int scale : settings.scales()) {
        boolean first = scale == settings.scales().get(0);
        scales.add(runScale(base, scale, first, queries, questions, work, notes));
      }
    } finally {
      if (!settings.keep()) {
        deleteTree(work);
      } else {
        say("kept the work folder %s", work);
      }
    }
    return new BenchReport(Machine.current(), settings, base, started, Instant.now(), loadBefore,
        Machine.loadAverage(), scales, notes);
  }

  private ScaleFigures runScale(
      Corpus base, int scale, boolean first, QueryLog queries, QuestionLog questions, Path work, List<String> notes)
      throws Exception {
    Path corpus = base.file();
    long articles = base.articles().size();
    if (scale > 1) {
      corpus = work.resolve("corpus-x" + scale + ".jsonl");
      say("[x%d] writing a corpus of %,d articles to %s", scale, articles * scale, corpus);
      ScaledCorpus.write(base, scale, corpus, settings.seed());
      articles *= scale;
    }
    ScaleFigures figures = new ScaleFigures(scale, articles, Files.size(corpus));
    Path index = work.resolve("index-x" + scale);
    deleteTree(index);
    try {
      if (needsKeywordIndex()) {
        build(corpus, index, first, figures);
      }
      if (settings.runs(Phase.RESYNC)) {
        resync(corpus, index, figures);
      }
      if (settings.runs(Phase.SEARCH) || settings.runs(Phase.ASK)) {
        try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults())) {
          if (settings.runs(Phase.SEARCH)) {
            search(archive, queries.queries(), figures);
          }
          if (settings.runs(Phase.ASK)) {
            ask(archive, questions.questions(), figures);
          }
        }
      }
      if (settings.runs(Phase.PEER)) {
        // The peer's latencies wherever the archive's are measured, its throughput at the first size.
        boolean latency = first || settings.runs(Phase.SEARCH);
        new PeerPhase(settings, driver, progress).run(corpus, queries.queries(), work, figures, latency, first);
      }
      if (settings.runs(Phase.COLD) && first) {
        cold(corpus, index, queries.queries(), questions.questions(), work, figures, notes);
      }
      if (settings.runs(Phase.MEMORY)) {
        memory(index, queries.queries(), questions.questions(), work, figures);
      }
      if (settings.runs(Phase.VECTORS) && first) {
        new VectorPhase(settings, driver, progress)
            .run(base, queries.queries(), questions.questions(), work, figures, notes);
      }
    } finally {
      deleteTree(index);
      if (scale > 1) {
        Files.deleteIfExists(corpus);
      }
    }
    return figures;
  }

  /** Whether a selected phase works on the keyword-only index of the whole corpus (the vectors phase builds its own). */
  private boolean needsKeywordIndex() {
    return settings.phases().stream().anyMatch(phase -> phase != Phase.VECTORS && phase != Phase.PEER);
  }

  private void build(Path corpus, Path index, boolean first, ScaleFigures figures) throws IOException {
    int threads = settings.threads();
    if (!settings.runs(Phase.BUILD)) {
      say("[x%d] building the index untimed (%d threads)", figures.scale(), threads);
      ArchiveUnderTest.build(corpus, index, threads);
      return;
    }
    say("[x%d] full build, %d threads", figures.scale(), threads);
    BuildResult result = ArchiveUnderTest.build(corpus, index, threads);
    say("      %.2f s, %,.0f articles/s, %.1f MB/s, index %.1f MB",
        result.seconds(), result.articlesPerSecond(), result.megabytesPerSecond(), result.indexBytes() / 1e6);
    figures.ours(Keys.BUILD_SECONDS, "Full build, " + threads + " threads", "s", result.seconds(), true);
    figures.ours(Keys.BUILD_RATE, "Build throughput", "articles/s", result.articlesPerSecond(), false);
    figures.ours(Keys.BUILD_MB_PER_S, "Build throughput", "MB/s", result.megabytesPerSecond(), false);
    figures.ours(Keys.INDEX_MB, "Index size on disk", "MB", result.indexBytes() / 1e6, true);
    figures.ours("build.articles", "Articles stored", "articles", result.articles(), false);
    if (first && threads > 1) {
      Path single = index.resolveSibling(index.getFileName() + "-1-thread");
      deleteTree(single);
      try {
        say("[x%d] full build, 1 thread", figures.scale());
        BuildResult one = ArchiveUnderTest.build(corpus, single, 1);
        say("      %.2f s, %,.0f articles/s", one.seconds(), one.articlesPerSecond());
        figures.ours(Keys.BUILD_1_SECONDS, "Full build, 1 thread", "s", one.seconds(), true);
        figures.ours(Keys.BUILD_1_RATE, "Build throughput, 1 thread", "articles/s", one.articlesPerSecond(), false);
      } finally {
        deleteTree(single);
      }
    }
  }

  private void resync(Path corpus, Path index, ScaleFigures figures) throws IOException {
    say("[x%d] no-change resync, %d runs after one warm-up", figures.scale(), RESYNC_RUNS);
    ArchiveUnderTest.resync(corpus, index, settings.threads());
    long[] nanos = new long[RESYNC_RUNS];
    for (int i = 0; i < RESYNC_RUNS; i++) {
      nanos[i] = ArchiveUnderTest.resync(corpus, index, settings.threads());
    }
    double median = LatencySummary.ofNanos(nanos).p50Ms();
    say("      median %.1f ms", median);
    figures.ours(Keys.RESYNC_MS, "No-change resync (in process)", "ms", median, true);
  }

  private void search(Archive archive, List<String> queries, ScaleFigures figures) throws Exception {
    say("[x%d] search: warm-up over %,d queries, then timed", figures.scale(), queries.size());
    LoadDriver.Client client = ArchiveUnderTest.searcher(archive, queries);
    driver.warmUp(client, queries.size(), queries.size());
    sayHowSettled(progress, driver.settle(() -> client, settings.threads(), queries.size(), "search"));
    LatencySummary latency = LatencySummary.ofNanos(driver.timeEach(client, queries.size()));
    recordLatency(figures, latency, false);
    for (int clients : clientCounts()) {
      long compiledBefore = LoadDriver.compileMillis();
      double qps = driver.throughput(() -> client, clients, queries.size() * 2, queries.size(), "search");
      say("      %d client%s: %,.0f queries/s (JIT compiled %d ms meanwhile)", clients, clients == 1 ? "" : "s", qps,
          LoadDriver.compileMillis() - compiledBefore);
      figures.ours(Keys.searchQps(clients), "Search throughput, " + clients + " client" + (clients == 1 ? "" : "s"),
          "queries/s", qps, false);
    }
    say("      p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms", latency.p50Ms(), latency.p99Ms(), latency.p999Ms());
  }

  /** Says how long the warm-up ran on until the JIT was quiet, so a reader can tell steady state from warm-up. */
  static void sayHowSettled(PrintWriter progress, LoadDriver.Settled settled) {
    say(progress, "      settled after %.1f s more (%d passes): JIT compiled %d ms in the last %d ms%s",
        settled.seconds(), settled.passes(), settled.lastWindowCompileMillis(), settled.lastWindowMillis(),
        settled.quiet() ? "" : " (still compiling at the time limit)");
  }

  /** Records search latencies, as the archive's or as the peer's. */
  static void recordLatency(ScaleFigures figures, LatencySummary latency, boolean peer) {
    record(figures, peer, Keys.SEARCH_P50, "Search p50, top 10 + snippets", "ms", latency.p50Ms(), true);
    record(figures, peer, Keys.SEARCH_P99, "Search p99", "ms", latency.p99Ms(), true);
    record(figures, peer, Keys.SEARCH_P999, "Search p99.9", "ms", latency.p999Ms(), true);
  }

  static void record(ScaleFigures figures, boolean peer, String key, String label, String unit, double value,
      boolean lowerIsBetter) {
    if (peer) {
      figures.peer(key, label, unit, value, lowerIsBetter);
    } else {
      figures.ours(key, label, unit, value, lowerIsBetter);
    }
  }

  List<Integer> clientCounts() {
    return settings.threads() == 1 ? List.of(1) : List.of(1, settings.threads());
  }

  private void ask(Archive archive, List<String> questions, ScaleFigures figures) throws Exception {
    say("[x%d] ask: warm-up, then %,d questions timed", figures.scale(), questions.size());
    LoadDriver.Client client = ArchiveUnderTest.asker(archive, questions);
    driver.warmUp(client, Math.min(ASK_WARM_UP, questions.size()), questions.size());
    LatencySummary latency = LatencySummary.ofNanos(driver.timeEach(client, questions.size()));
    figures.ours(Keys.ASK_P50, "Ask p50, with passages", "ms", latency.p50Ms(), true);
    figures.ours(Keys.ASK_P99, "Ask p99", "ms", latency.p99Ms(), true);
    say("      p50 %.3f ms, p99 %.3f ms", latency.p50Ms(), latency.p99Ms());
  }

  private void cold(Path corpus, Path index, List<String> queries, List<String> questions, Path work,
      ScaleFigures figures, List<String> notes) throws IOException {
    Path launcher = ColdCommands.findLauncher();
    if (launcher == null) {
      String note = "cold phase skipped: run the bench through the ./archive launcher to time whole processes";
      say("%s", note);
      notes.add(note);
      return;
    }
    ColdCommands cold = new ColdCommands(launcher, work.resolve("cold-stderr.log"));
    String dir = index.toAbsolutePath().toString();
    int runs = settings.coldRuns();
    say("[x%d] cold commands through %s: %d warm-ups and %d timed runs each", figures.scale(), launcher,
        COLD_WARM_UPS, runs);
    double version = median(cold.time(List.of(List.of("--version")), COLD_WARM_UPS, runs));
    figures.ours(Keys.COLD_VERSION, "Cold ./archive --version (JVM floor)", "ms", version, true);
    List<List<String>> searches = new ArrayList<>();
    List<List<String>> asks = new ArrayList<>();
    for (int i = 0; i < runs + COLD_WARM_UPS; i++) {
      searches.add(List.of("search", "--index", dir, queries.get(i % queries.size())));
      asks.add(List.of("ask", "--index", dir, questions.get(i % questions.size())));
    }
    double search = median(cold.time(searches, COLD_WARM_UPS, runs));
    figures.ours(Keys.COLD_SEARCH, "Cold ./archive search (whole process)", "ms", search, true);
    double ask = median(cold.time(asks, COLD_WARM_UPS, runs));
    figures.ours(Keys.COLD_ASK, "Cold ./archive ask (whole process)", "ms", ask, true);
    double index2 = median(cold.time(List.of(List.of("index", "--index", dir, corpus.toAbsolutePath().toString())),
        COLD_WARM_UPS, runs));
    figures.ours(Keys.COLD_INDEX, "Cold ./archive index, nothing changed", "ms", index2, true);
    say("      --version %.0f ms, search %.0f ms, ask %.0f ms, index (no change) %.0f ms", version, search, ask, index2);
  }

  private void memory(Path index, List<String> queries, List<String> questions, Path work, ScaleFigures figures)
      throws IOException {
    say("[x%d] memory: a serving process with -Xmx%s, %d rounds of both logs", figures.scale(), settings.heap(),
        settings.rounds());
    MemoryReport report = MemoryProbe.run(index, queries, questions, settings.rounds(), settings.heap(), work);
    figures.ours(Keys.MEMORY_RSS_PEAK, "Serving process: peak resident memory", "MB", report.rssPeakMb(), true);
    figures.ours(Keys.MEMORY_HEAP_PEAK, "Serving process: peak heap", "MB", report.heapPeakMb(), true);
    figures.ours(Keys.MEMORY_HEAP_LIVE, "Serving process: live heap after GC", "MB", report.heapAfterGcMb(), true);
    figures.ours(Keys.MEMORY_HEAP_MAX, "Serving process: heap limit", "MB", report.heapMaxMb(), true);
    figures.ours(Keys.MEMORY_OPS, "Serving process: searches+asks per s", "ops/s",
        (report.searches() + report.asks()) / report.seconds(), false);
    say("      peak RSS %.0f MB, peak heap %.0f MB, live heap %.0f MB of %.0f MB, %,d searches and %,d asks in %.1f s",
        report.rssPeakMb(), report.heapPeakMb(), report.heapAfterGcMb(), report.heapMaxMb(), report.searches(),
        report.asks(), report.seconds());
  }

  private static double median(long[] nanos) {
    return LatencySummary.ofNanos(nanos).p50Ms();
  }

  private void say(String format, Object... args) {
    say(progress, format, args);
  }

  /** Writes one progress line. */
  static void say(PrintWriter progress, String format, Object... args) {
    progress.println("bench: " + String.format(Locale.ROOT, format, args));
    progress.flush();
  }

  /** Deletes a file or folder tree if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
