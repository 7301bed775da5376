package dev.dealarchive.bench;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.read.ReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors phase: what ranking by meaning costs. Builds the corpus (or its first N articles) keyword-only and with
 * vectors, then on the index with vectors times the model's load, query embedding, {@code ask} by words and hybrid on
 * the same index and the same question log as the ask phase, a whole {@code ./archive ask} process with the model,
 * and the memory of a serving process that embeds questions. Given an existing index with vectors it only reads it
 * and measures the query side.
 */
final class VectorPhase {
  private static final int ASK_WARM_UP = 200;
  private static final int QUERY_WARM_UP = 20;
  private static final int COLD_WARM_UPS = 2;

  private final BenchSettings settings;
  private final LoadDriver driver;
  private final PrintWriter progress;

  VectorPhase(BenchSettings settings, LoadDriver driver, PrintWriter progress) {
    this.settings = settings;
    this.driver = driver;
    this.progress = progress;
  }

  /**
   * Throws a clear error when {@code index} holds no index with vectors; reads only.
   *
   * @return the index's vector figures
   */
  static VectorStats requireVectors(Path index) throws IOException {
    try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults())) {
      VectorStats stats = archive.vectorStats();
      if (!stats.state().enabled() || stats.passages() == 0) {
        throw new IOException(index + " has no vectors (build one with ./archive index, or leave out --vector-index)");
      }
      return stats;
    }
  }

  /** Runs the phase, recording into {@code figures}; a reason it could not run goes to {@code notes}. */
  void run(Corpus corpus, List<String> queries, List<String> questions, Path work, ScaleFigures figures,
      List<String> notes) throws Exception {
    if (Embedders.provider().isEmpty()) {
      note(notes, "vectors phase skipped: no embedding model on the class path (run the bench through ./archive)");
      return;
    }
    int scale = figures.scale();
    say("[x%d] vectors: loading the model (first load in this process)", scale);
    long start = System.nanoTime();
    Path index;
    try (Embedder model = Embedders.open()) {
      double loadMs = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      model.embedQuery(questions.get(0));
      double firstMs = (System.nanoTime() - start) / 1e6;
      figures.ours(Keys.VECTORS_MODEL_LOAD_MS, "Vectors: model load, in process", "ms", loadMs, true);
      figures.ours(Keys.VECTORS_FIRST_QUERY_MS, "Vectors: first query embedded after load", "ms", firstMs, true);
      say("      %.0f ms, first query %.0f ms", loadMs, firstMs);

      if (settings.vectorIndex() != null) {
        index = settings.vectorIndex();
        VectorStats stats = requireVectors(index);
        long articles;
        try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults())) {
          articles = archive.stats().articles();
        }
        say("[x%d] vectors: reading %s (%,d articles, %,d passages), no build", scale, index, articles,
            stats.passages());
        figures.ours(Keys.VECTORS_ARTICLES, "Vectors: articles in the given index", "articles", articles, false);
        figures.ours(Keys.VECTORS_PASSAGES, "Vectors: passages", "passages", stats.passages(), false);
        figures.ours(Keys.VECTORS_INDEX_MB, "Vectors: given index size on disk", "MB",
            ArchiveUnderTest.sizeOf(index) / 1e6, true);
        String installed = model.modelKey();
        if (!installed.equals(stats.state().modelKey())) {
          note(notes, "the given index's vectors come from " + stats.state().modelKey() + ", the installed model is "
              + installed);
        }
      } else {
        index = build(corpus, work, figures);
      }

      say("[x%d] vectors: query embedding, %d warm-up then %,d questions timed", scale, QUERY_WARM_UP,
          questions.size());
      LatencySummary embedding = timeQueryEmbedding(model, questions, QUERY_WARM_UP);
      figures.ours(Keys.VECTORS_QUERY_P50, "Vectors: query embedding p50", "ms", embedding.p50Ms(), true);
      figures.ours(Keys.VECTORS_QUERY_P99, "Vectors: query embedding p99", "ms", embedding.p99Ms(), true);
      say("      p50 %.2f ms, p99 %.2f ms", embedding.p50Ms(), embedding.p99Ms());
    }

    asks(index, questions, figures);
    cold(index, questions, work, figures, notes);
    serve(index, queries, questions, work, figures);
  }

  /** Builds the articles keyword-only and with vectors; returns the index with vectors. */
  private Path build(Corpus corpus, Path work, ScaleFigures figures) throws IOException {
    int scale = figures.scale();
    Path input = corpus.file();
    if (settings.vectorArticles() > 0) {
      input = work.resolve("vectors-corpus.jsonl");
      int written = Corpus.head(corpus.file(), settings.vectorArticles(), 0, input).written();
      say("[x%d] vectors: the first %,d articles of the corpus", scale, written);
    }
    Path keywordIndex = work.resolve("vectors-keyword-only");
    Path vectorIndex = work.resolve("vectors-index");
    Benchmark.deleteTree(keywordIndex);
    Benchmark.deleteTree(vectorIndex);

    say("[x%d] vectors: build keyword-only (%d threads)", scale, settings.threads());
    long cpu = processCpuNanos();
    IndexSummary keyword = sync(input, keywordIndex, false).summary();
    long keywordCpu = processCpuNanos() - cpu;
    double keywordMb = ArchiveUnderTest.sizeOf(keywordIndex) / 1e6;
    say("      %.2f s, %.1f MB", keyword.tookNanos() / 1e9, keywordMb);
    Benchmark.deleteTree(keywordIndex);

    say("[x%d] vectors: build with vectors (embedding on every core)", scale);
    cpu = processCpuNanos();
    Built built = sync(input, vectorIndex, true);
    long vectorCpu = processCpuNanos() - cpu;
    EmbedSummary embedded = built.embedding();
    if (embedded == null || embedded.passages() == 0) {
      throw new IOException("the build with vectors embedded nothing"
          + (embedded == null || embedded.note() == null ? "" : ": " + embedded.note()));
    }
    double vectorMb = ArchiveUnderTest.sizeOf(vectorIndex) / 1e6;
    // CPU time changes little when other work shares the cores; the rate of idle cores follows from it.
    double cpuMsPerPassage = Math.max(0, vectorCpu - keywordCpu) / 1e6 / embedded.passages();
    int cores = Runtime.getRuntime().availableProcessors();
    double perArticle = (double) embedded.passages() / embedded.articles();
    figures.ours(Keys.VECTORS_ARTICLES, "Vectors: articles built", "articles", built.summary().added(), false);
    figures.ours(Keys.VECTORS_PASSAGES, "Vectors: passages embedded", "passages", embedded.passages(), false);
    figures.ours(Keys.VECTORS_PASSAGES_PER_ARTICLE, "Vectors: passages per article", "passages", perArticle, false);
    figures.ours(Keys.VECTORS_PASSAGES_PER_S, "Vectors: passages embedded per second", "passages/s",
        embedded.passagesPerSecond(), false);
    figures.ours(Keys.VECTORS_CPU_MS_PER_PASSAGE, "Vectors: CPU per passage", "ms", cpuMsPerPassage, true);
    if (cpuMsPerPassage > 0) {
      figures.ours(Keys.VECTORS_PASSAGES_PER_S_FROM_CPU, "Vectors: passages/s on idle cores (from CPU)",
          "passages/s", cores * 1000 / cpuMsPerPassage, false);
      figures.ours(Keys.VECTORS_FULL_CORPUS_MIN, "Vectors: whole corpus embedding on idle cores (from CPU)", "min",
          corpus.articles().size() * perArticle * cpuMsPerPassage / cores / 60_000, true);
    }
    figures.ours(Keys.VECTORS_BUILD_KEYWORD_S, "Vectors: build keyword-only", "s", keyword.tookNanos() / 1e9, true);
    figures.ours(Keys.VECTORS_BUILD_S, "Vectors: build with vectors", "s", built.summary().tookNanos() / 1e9, true);
    figures.ours(Keys.VECTORS_EMBEDDING_S, "Vectors: of which embedding", "s", embedded.tookNanos() / 1e9, true);
    figures.ours(Keys.VECTORS_INDEX_KEYWORD_MB, "Vectors: index keyword-only", "MB", keywordMb, true);
    figures.ours(Keys.VECTORS_INDEX_MB, "Vectors: index with vectors", "MB", vectorMb, true);
    say("      %.1f s (%.1f s embedding), %,d passages, %.1f passages/s, %.1f ms CPU per passage, %.1f MB",
        built.summary().tookNanos() / 1e9, embedded.tookNanos() / 1e9, embedded.passages(),
        embedded.passagesPerSecond(), cpuMsPerPassage, vectorMb);
    return vectorIndex;
  }

  private record Built(IndexSummary summary, EmbedSummary embedding) {}

  /** A new index of {@code input} through the index folder's writer, as {@code archive index [--no-vectors]}. */
  private Built sync(Path input, Path index, boolean vectors) throws IOException {
    try (ArchiveWriter writer = IndexFolder.at(index).openWriter()) {
      IndexSummary summary = writer.index(List.of(input),
          new IndexOptions(ReadOptions.defaults(), settings.threads(), false, vectors), IndexProgress.NONE);
      if (summary.added() == 0) {
        throw new IOException("indexing " + input + " stored no article");
      }
      return new Built(summary, writer.lastEmbedding());
    }
  }

  /** Asks the question log on the index with vectors, by words and hybrid (the default), one after another. */
  private void asks(Path index, List<String> questions, ScaleFigures figures) throws Exception {
    int scale = figures.scale();
    int warmUp = Math.min(ASK_WARM_UP, questions.size());
    HybridSettings keywordOnly = HybridSettings.defaults().withMode(RetrievalMode.KEYWORD);
    say("[x%d] vectors: ask by words on the same index, %d warm-up then %,d timed", scale, warmUp, questions.size());
    LatencySummary keyword;
    try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults(), keywordOnly)) {
      keyword = timeAsks(archive, questions, warmUp);
    }
    figures.ours(Keys.VECTORS_ASK_KEYWORD_P50, "Vectors: ask p50, by words (same index)", "ms", keyword.p50Ms(), true);
    figures.ours(Keys.VECTORS_ASK_KEYWORD_P99, "Vectors: ask p99, by words (same index)", "ms", keyword.p99Ms(), true);
    say("      p50 %.2f ms, p99 %.2f ms", keyword.p50Ms(), keyword.p99Ms());
    say("[x%d] vectors: ask hybrid (the default), %d warm-up then %,d timed", scale, warmUp, questions.size());
    LatencySummary hybrid;
    try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults())) {
      hybrid = timeAsks(archive, questions, warmUp);
    }
    figures.ours(Keys.VECTORS_ASK_HYBRID_P50, "Vectors: ask p50, hybrid (warm)", "ms", hybrid.p50Ms(), true);
    figures.ours(Keys.VECTORS_ASK_HYBRID_P99, "Vectors: ask p99, hybrid (warm)", "ms", hybrid.p99Ms(), true);
    say("      p50 %.2f ms, p99 %.2f ms", hybrid.p50Ms(), hybrid.p99Ms());
  }

  private LatencySummary timeAsks(Archive archive, List<String> questions, int warmUp) throws Exception {
    LoadDriver.Client client = ArchiveUnderTest.asker(archive, questions);
    driver.warmUp(client, warmUp, questions.size());
    return LatencySummary.ofNanos(driver.timeEach(client, questions.size()));
  }

  /** Whole {@code ./archive ask} processes on the index with vectors: JVM start, model load and the answer. */
  private void cold(Path index, List<String> questions, Path work, ScaleFigures figures, List<String> notes)
      throws IOException {
    Path launcher = ColdCommands.findLauncher();
    if (launcher == null) {
      note(notes, "vectors: cold ask skipped: run the bench through the ./archive launcher to time whole processes");
      return;
    }
    int runs = settings.coldRuns();
    say("[x%d] vectors: cold ./archive ask with the model, %d warm-ups and %d timed runs", figures.scale(),
        COLD_WARM_UPS, runs);
    List<List<String>> asks = new ArrayList<>();
    for (int i = 0; i < runs + COLD_WARM_UPS; i++) {
      asks.add(List.of("ask", "--index", index.toAbsolutePath().toString(), questions.get(i % questions.size())));
    }
    ColdCommands cold = new ColdCommands(launcher, work.resolve("vectors-cold-stderr.log"));
    double median = LatencySummary.ofNanos(cold.time(asks, COLD_WARM_UPS, runs)).p50Ms();
    figures.ours(Keys.VECTORS_COLD_ASK, "Vectors: cold ./archive ask, model loaded (whole process)", "ms", median,
        true);
    say("      median %.0f ms", median);
  }

  /** A serving process (searches and hybrid asks) with the model loaded, in a child JVM. */
  private void serve(Path index, List<String> queries, List<String> questions, Path work, ScaleFigures figures)
      throws IOException {
    say("[x%d] vectors: a serving process with the model, -Xmx%s, %d rounds of both logs", figures.scale(),
        settings.heap(), settings.rounds());
    List<String> options = new ArrayList<>(List.of("--add-modules", "jdk.incubator.vector",
        "-D" + Embedders.CACHE_PROPERTY + "=" + Embedders.cacheDir()));
    String model = System.getProperty(Embedders.MODEL_PROPERTY);
    if (model != null) {
      options.add("-D" + Embedders.MODEL_PROPERTY + "=" + model);
    }
    Path serveWork = Files.createDirectories(work.resolve("vectors-serve"));
    MemoryReport report =
        MemoryProbe.run(index, queries, questions, settings.rounds(), settings.heap(), serveWork, options);
    figures.ours(Keys.VECTORS_SERVE_RSS_PEAK, "Vectors: serving process, peak resident memory", "MB",
        report.rssPeakMb(), true);
    figures.ours(Keys.VECTORS_SERVE_RSS, "Vectors: serving process, resident memory at the end", "MB",
        report.rssMb(), true);
    figures.ours(Keys.VECTORS_SERVE_HEAP_LIVE, "Vectors: serving process, live heap after GC", "MB",
        report.heapAfterGcMb(), true);
    figures.ours(Keys.VECTORS_SERVE_OPS, "Vectors: serving process, searches+asks per s", "ops/s",
        (report.searches() + report.asks()) / report.seconds(), false);
    say("      peak RSS %.0f MB, RSS %.0f MB, live heap %.0f MB, %,d searches and %,d asks in %.1f s",
        report.rssPeakMb(), report.rssMb(), report.heapAfterGcMb(), report.searches(), report.asks(),
        report.seconds());
  }

  /**
   * Embeds {@code warmUps} questions (from the start of the list, again from its start when it is shorter), then times
   * the embedding of each question once.
   */
  static LatencySummary timeQueryEmbedding(Embedder model, List<String> questions, int warmUps) throws IOException {
    for (int i = 0; i < warmUps; i++) {
      model.embedQuery(questions.get(i % questions.size()));
    }
    long[] nanos = new long[questions.size()];
    for (int i = 0; i < questions.size(); i++) {
      long t = System.nanoTime();
      model.embedQuery(questions.get(i));
      nanos[i] = System.nanoTime() - t;
    }
    return LatencySummary.ofNanos(nanos);
  }

  /** CPU time used by this process so far (every thread), in nanoseconds; 0 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private void note(List<String> notes, String note) {
    say("%s", note);
    notes.add(note);
  }

  private void say(String format, Object... args) {
    Benchmark.say(progress, format, args);
  }
}
