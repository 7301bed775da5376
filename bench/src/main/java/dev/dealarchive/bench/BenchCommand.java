package dev.dealarchive.bench;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.opensearch.ClusterConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive bench}: measures the archive against SQLite FTS5 on a corpus and prints the figures side by side. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure speed and memory side by side with SQLite FTS5.",
      "Indexing, resync, search, ask, cold start and memory against an FTS5 peer on the same corpus and",
      "query log, in the same run. Prints a table and writes the same figures as JSON.",
      "The vectors phase (what the embedding model costs) runs when named: --phases vectors, or all.",
      "Query and question logs (and scaled corpora) are generated from the corpus with a fixed seed.",
      "Skips with a message (exit status 0) when the corpus is absent."
    })
public final class BenchCommand implements Callable<Integer> {
  /** Where the Reuters corpus lies, relative to the project folder. */
  static final String DEFAULT_CORPUS = "../shared/corpora/reuters-21578/articles.jsonl";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  @Spec CommandSpec spec;

  @Option(names = "--corpus", paramLabel = "FILE",
      description = "JSON-lines corpus (default: " + DEFAULT_CORPUS + " from the project folder).")
  Path corpus;

  @Option(names = "--phases", paramLabel = "LIST",
      description = "Comma-separated phases: build,resync,search,ask,cold,memory,peer,vectors; default: every one but "
          + "vectors (about ten minutes of embedding for Reuters on two cores); all: every one.")
  String phases = "default";

  @Option(names = "--scale", paramLabel = "LIST", split = ",",
      description = "Corpus sizes as multiples of the corpus, e.g. 1,5,25 (default: 1).")
  List<Integer> scales = new ArrayList<>(List.of(1));

  @Option(names = "--quick", description = "A smoke run: 300 queries, 150 questions, 3 cold runs, 1 serving round.")
  boolean quick;

  @Option(names = "--queries", paramLabel = "N", description = "Keyword queries in the log (default: 2000).")
  Integer queries;

  @Option(names = "--questions", paramLabel = "N", description = "Questions in the log (default: 1000).")
  Integer questions;

  @Option(names = "--cold-runs", paramLabel = "N", description = "Timed runs of each cold command (default: 10).")
  Integer coldRuns;

  @Option(names = "--serve-rounds", paramLabel = "N",
      description = "Rounds of both logs in the memory phase's serving process (default: 3).")
  Integer rounds;

  @Option(names = "--serve-heap", paramLabel = "SIZE",
      description = "Heap limit of the serving process, as for -Xmx (default: 256m).")
  String heap = "256m";

  @Option(names = "--threads", paramLabel = "N",
      description = "Indexing threads of the headline build and most client threads (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of the generated logs and corpora (default: "
      + QueryLog.DEFAULT_SEED + ").")
  long seed = QueryLog.DEFAULT_SEED;

  @Option(names = "--json-out", paramLabel = "FILE",
      description = "Where to write the JSON (default: bench-results/bench-TIMESTAMP.json in the project folder).")
  Path jsonOut;

  @Option(names = "--work", paramLabel = "DIR",
      description = "Folder for indexes, databases and generated corpora (default: a new temporary folder).")
  Path work;

  @Option(names = "--keep", description = "Keep the work folder.")
  boolean keep;

  @Option(names = "--vector-articles", paramLabel = "N",
      description = "Vectors phase: build with the corpus's first N articles only, for a quick run (default: all).")
  int vectorArticles;

  @Option(names = "--vector-index", paramLabel = "DIR",
      description = "Vectors phase: measure model load, query embedding, ask, cold ask and serving memory on this "
          + "existing index with vectors, opened read-only, instead of building one (no build figures).")
  Path vectorIndex;

  // Declared here, not through cli.ClusterLocation: the comparison replaces and then deletes its index, so these
  // never fall back to ARCHIVE_OPENSEARCH_URL or ARCHIVE_OPENSEARCH_INDEX (the archive in use), and the index,
  // shards and replicas have defaults of their own.
  @Option(names = "--opensearch", paramLabel = "URL[,URL...]",
      description = "Compare with an OpenSearch cluster instead: build, search and ask through the embedded index and "
          + "through the cluster, side by side (user and password from ARCHIVE_OPENSEARCH_USER/_PASSWORD).")
  String opensearch;

  @Option(names = "--opensearch-index", paramLabel = "NAME", defaultValue = "archive-bench",
      description = "The cluster index the comparison replaces and deletes (default: ${DEFAULT-VALUE}).")
  String opensearchIndex;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "1",
      description = "Shards of the cluster index of the comparison (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "0",
      description = "Replicas of the cluster index of the comparison (default: ${DEFAULT-VALUE}).")
  int replicas;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path corpusFile = corpus == null ? projectFolder().resolve(DEFAULT_CORPUS).normalize() : corpus;
    if (!Files.isRegularFile(corpusFile)) {
      err.println("archive bench: skipped: no corpus at " + corpusFile
          + " (pass --corpus FILE, a JSON-lines file of id,title,body,...)");
      return ExitCodes.OK;
    }
    BenchSettings settings;
    try {
      Set<Phase> selected = Phase.parseList(phases);
      settings = new BenchSettings(corpusFile, selected, scales.stream().sorted().distinct().toList(),
          orDefault(queries, quick ? 300 : 2_000), orDefault(questions, quick ? 150 : 1_000),
          orDefault(coldRuns, quick ? 3 : 10), orDefault(rounds, quick ? 1 : 3), heap, threads, seed, work, keep,
          vectorArticles, vectorIndex);
      if ((vectorIndex != null || vectorArticles != 0) && !selected.contains(Phase.VECTORS)) {
        throw new IllegalArgumentException("--vector-index and --vector-articles apply to the vectors phase: add it "
            + "with --phases vectors (or all)");
      }
      if (vectorIndex != null && !Files.isDirectory(vectorIndex)) {
        throw new IllegalArgumentException("--vector-index " + vectorIndex + ": no such folder");
      }
    } catch (IllegalArgumentException e) {
      err.println("archive bench: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (vectorIndex != null) {
      try {
        VectorPhase.requireVectors(vectorIndex);
      } catch (IOException e) {
        err.println("archive bench: --vector-index: " + e.getMessage());
        return ExitCodes.USAGE;
      }
    }
    if (opensearch != null) {
      ClusterConfig cluster;
      try {
        Map<String, String> environment = System.getenv();
        String password = environment.get(ClusterConfig.PASSWORD_VARIABLE);
        String user = environment.get(ClusterConfig.USER_VARIABLE);
        cluster = new ClusterConfig(ClusterConfig.parseUrls(opensearch), opensearchIndex,
            user == null || user.isBlank() ? null : user, password == null || password.isEmpty() ? null : password);
      } catch (IllegalArgumentException e) {
        err.println("archive bench: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      double loadBefore = Machine.loadAverage();
      List<ClusterComparison.Figures> figures =
          new ClusterComparison(settings, cluster, shards, replicas, err).run();
      out.print(ClusterComparison.render(figures, settings.threads(), loadBefore, Machine.loadAverage()));
      return ExitCodes.OK;
    }
    BenchReport report = new Benchmark(settings, err).run();
    Path json = jsonOut == null
        ? projectFolder().resolve("bench-results").resolve("bench-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP)
            + ".json")
        : jsonOut;
    if (json.toAbsolutePath().getParent() != null) {
      Files.createDirectories(json.toAbsolutePath().getParent());
    }
    Files.writeString(json, Corpus.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson())
        + System.lineSeparator(), StandardCharsets.UTF_8);
    out.print(ReportTable.render(report));
    out.println();
    out.println("JSON: " + json);
    return ExitCodes.OK;
  }

  private static int orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  /** The project folder: where the launcher lives, else the working folder. */
  static Path projectFolder() {
    String home = System.getProperty(ColdCommands.HOME_PROPERTY);
    return home == null ? Path.of("").toAbsolutePath() : Path.of(home);
  }
}
