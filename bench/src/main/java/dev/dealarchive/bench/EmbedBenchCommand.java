package dev.dealarchive.bench;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexStatistics;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code archive embed-bench}: what vectors cost. Builds the same corpus subset twice (keyword-only, then with
 * vectors), and measures the model's cold load, passages embedded per second, build time and index size with and
 * without vectors, query embedding latency and resident memory with the model loaded.
 */
@Command(
    name = "embed-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure what vectors cost: model load, passages/s, build time and size with and without vectors.",
      "Works on a subset of a JSON-lines corpus (default: Reuters-21578 from ../shared); also query embedding"
          + " p50/p99 and resident memory with the model loaded.",
      "Note the machine's load beside the figures: other work on the cores slows embedding in proportion.",
      "archive bench --phases vectors measures these and the ask, cold-ask and serving-memory figures in the bench's"
          + " table and JSON."
    })
public final class EmbedBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "FILE", description = "JSON-lines corpus (default: ../shared/corpora/reuters-21578/articles.jsonl).")
  Path corpus;

  @Option(names = "--articles", paramLabel = "N", description = "Articles of the corpus to build with (default: ${DEFAULT-VALUE}).")
  int articles = 500;

  @Option(names = "--queries", paramLabel = "N", description = "Queries to embed for latency (default: ${DEFAULT-VALUE}).")
  int queries = 200;

  @Option(names = "--threads", paramLabel = "N", description = "Embedding workers, one ONNX thread each (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--work", paramLabel = "DIR", description = "Folder for the two scratch indexes (default: a new temporary folder, deleted after).")
  Path work;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path file = corpus != null ? corpus : defaultCorpus();
    if (file == null || !Files.isRegularFile(file)) {
      err.println("archive embed-bench: no corpus (give --corpus FILE, or put ../shared/corpora beside the project)");
      return ExitCodes.USAGE;
    }
    double loadBefore = Machine.loadAverage();
    Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("archive-embed-bench-");
    Map<String, Object> figures = new LinkedHashMap<>();
    try {
      Path subset = folder.resolve("subset.jsonl");
      Corpus.Head head = Corpus.head(file, articles, queries, subset);
      long corpusArticles = head.articles();

      long started = System.nanoTime();
      Embedder model = Embedders.open();
      long loadNanos = System.nanoTime() - started;
      started = System.nanoTime();
      model.embedQuery("first question after loading");
      long firstQueryNanos = System.nanoTime() - started;

      Path keywordIndex = folder.resolve("keyword-only");
      IndexSummary keyword;
      try (ArchiveIndexer indexer = ArchiveIndexer.open(keywordIndex).vectors(false)) {
        keyword = indexer.index(List.of(subset), IndexOptions.defaults(), IndexProgress.NONE);
      }
      long keywordBytes = sizeOf(keywordIndex);

      Path vectorIndex = folder.resolve("with-vectors");
      IndexSummary withVectors;
      EmbedSummary embedding;
      long cpuBefore = VectorPhase.processCpuNanos();
      try (ArchiveIndexer indexer = ArchiveIndexer.open(vectorIndex).vectors(true).embedThreads(threads)) {
        withVectors = indexer.index(List.of(subset), IndexOptions.defaults(), IndexProgress.NONE);
        embedding = indexer.lastEmbedding();
      }
      long cpuNanos = VectorPhase.processCpuNanos() - cpuBefore;
      long vectorBytes = sizeOf(vectorIndex);

      List<String> questions = questions(head, queries);
      LatencySummary queryLatency = VectorPhase.timeQueryEmbedding(model, questions, Math.min(20, questions.size()));
      ProcStatus memory = ProcStatus.self();
      model.close();

      double passagesPerArticle = embedding.articles() == 0 ? 0 : (double) embedding.passages() / embedding.articles();
      double perSecond = embedding.passagesPerSecond();
      figures.put("machine", Machine.current().describe());
      figures.put("load_average_before", loadBefore);
      figures.put("load_average_after", Machine.loadAverage());
      figures.put("corpus", file.toString());
      figures.put("corpus_articles", corpusArticles);
      figures.put("articles", keyword.added());
      figures.put("embedding_threads", threads);
      figures.put("model", model.modelKey());
      figures.put("model_load_ms", loadNanos / 1e6);
      figures.put("first_query_ms", firstQueryNanos / 1e6);
      figures.put("passages", embedding.passages());
      figures.put("passages_per_article", passagesPerArticle);
      figures.put("passages_per_second", perSecond);
      // CPU time is what other work on the machine does not change much: the rate on idle cores follows from it.
      double cpuMsPerPassage = embedding.passages() == 0 ? 0 : cpuNanos / 1e6 / embedding.passages();
      figures.put("cpu_ms_per_passage", cpuMsPerPassage);
      figures.put(
          "passages_per_second_on_idle_cores",
          cpuMsPerPassage == 0 ? null : Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerPassage);
      figures.put("build_keyword_only_s", keyword.tookNanos() / 1e9);
      figures.put("build_with_vectors_s", withVectors.tookNanos() / 1e9); // the run includes its embedding step
      figures.put("of_which_embedding_s", embedding.tookNanos() / 1e9);
      figures.put("index_bytes_keyword_only", keywordBytes);
      figures.put("index_bytes_with_vectors", vectorBytes);
      figures.put("query_embedding_p50_ms", queryLatency.p50Ms());
      figures.put("query_embedding_p99_ms", queryLatency.p99Ms());
      figures.put("rss_mb_model_loaded", memory.residentKb() / 1024.0);
      figures.put("peak_rss_mb", memory.peakResidentKb() / 1024.0);
      figures.put(
          "estimated_full_corpus_embedding_min",
          perSecond == 0 ? null : corpusArticles * passagesPerArticle / perSecond / 60);
      figures.put(
          "estimated_full_corpus_embedding_min_on_idle_cores",
          cpuMsPerPassage == 0
              ? null
              : corpusArticles * passagesPerArticle * cpuMsPerPassage / Runtime.getRuntime().availableProcessors() / 60_000);
    } finally {
      if (work == null) {
        Benchmark.deleteTree(folder);
      }
    }
    if (json) {
      out.println(Corpus.MAPPER.writeValueAsString(figures));
    } else {
      figures.forEach((key, value) -> out.printf(Locale.ROOT, "%-38s %s%n", key, format(value)));
    }
    return ExitCodes.OK;
  }

  /**
   * The questions whose embedding is timed: the titles of the articles after the built ones (which the model has not
   * seen as passages), topped up with generated ones, at most one per built article, when titles run short.
   */
  static List<String> questions(Corpus.Head head, int count) throws IOException {
    List<String> questions = new ArrayList<>();
    for (String line : head.following()) {
      String title = Corpus.text(Corpus.MAPPER.readTree(line), "title").strip();
      if (!title.isEmpty()) {
        questions.add(title);
      }
    }
    for (int i = 0; questions.size() < count && i < head.written(); i++) {
      questions.add("what did company " + i + " agree with its partner?");
    }
    return questions;
  }

  private static String format(Object value) {
    return value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
  }

  /** The index's size on disk. */
  private static long sizeOf(Path index) throws IOException {
    try (FSDirectory directory = FSDirectory.open(index)) {
      return IndexStatistics.sizeOf(directory);
    }
  }

  private static Path defaultCorpus() {
    String home = System.getProperty("archive.home");
    for (Path base : new Path[] {home == null ? null : Path.of(home), Path.of("").toAbsolutePath()}) {
      if (base != null) {
        Path candidate = base.resolveSibling("shared").resolve("corpora/reuters-21578/articles.jsonl");
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }
}
