package dev.dealarchive.cli;

import dev.dealarchive.Archive;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.eval.EvalReport;
import dev.dealarchive.eval.Evaluation;
import dev.dealarchive.eval.Evaluator;
import dev.dealarchive.eval.Metric;
import dev.dealarchive.eval.PlainBaseline;
import dev.dealarchive.eval.Qrels;
import dev.dealarchive.eval.ScoredDoc;
import dev.dealarchive.eval.Topic;
import dev.dealarchive.eval.Topics;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.feedback.FeedbackLog;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive eval}: measures ranking quality against relevance judgments, beside a plain Lucene baseline. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Measure ranking quality against relevance judgments, beside a plain Lucene baseline.",
      "Runs every topic against the index and reports nDCG@10, Recall@100, Recall@1000 and MRR@10 the way "
          + "trec_eval computes them, beside a plain baseline (StandardAnalyzer, classic query parser, default BM25) "
          + "built from the same articles.",
      "Topics: TSV (qid<TAB>text) or TREC <top> files; judgments: TREC qrels."
    })
public final class EvalCommand implements Callable<Integer> {
  private static final List<String> MODES = List.of("ask", "search", "keyword", "semantic", "hybrid");

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;
  @ArgGroup(validate = false, heading = "%nRanking knobs (the defaults are measured):%n")
  RankingOptions ranking = new RankingOptions();

  @Option(names = "--topics", paramLabel = "FILE", description = "Topics file (required unless --feedback).")
  Path topicsFile;

  @Option(names = "--qrels", paramLabel = "FILE", description = "Relevance judgments, TREC qrels (required unless --feedback).")
  Path qrelsFile;

  @Option(names = "--feedback", description = "Use the bot's feedback log as topics and judgments: each question voted on, "
      + "its articles relevant when more users found them helpful than not.")
  boolean feedback;

  @Option(names = "--run", paramLabel = "FILE", description = "Also write our ranking (of the first mode) as a TREC run file.")
  Path runFile;

  @Option(
      names = "--mode",
      paramLabel = "MODE[,MODE...]",
      split = ",",
      description = {
        "ask (default: questions ranked as archive ask ranks them: hybrid when the index has vectors), search (every",
        "word required), keyword (questions by words alone), semantic (by meaning alone) or hybrid (both fused).",
        "Several, comma-separated, are measured in one run and printed side by side."
      })
  List<String> modes = new ArrayList<>(List.of("ask"));

  @Option(names = "--depth", paramLabel = "N", description = "Results per topic (default: ${DEFAULT-VALUE}).")
  int depth = 1000;

  @Option(names = "--threads", paramLabel = "N", description = "Topics searched at once (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--no-baseline", negatable = false, description = "Skip the plain baseline.")
  boolean noBaseline;

  @Option(names = "--json", description = "Print one JSON object with both reports.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> chosen = new ArrayList<>();
    for (String mode : modes) {
      String name = mode.strip().toLowerCase(Locale.ROOT);
      if (!MODES.contains(name)) {
        err.println("archive eval: --mode must be one or more of " + String.join(", ", MODES) + ", not " + mode);
        return ExitCodes.USAGE;
      }
      if (!chosen.contains(name)) {
        chosen.add(name);
      }
    }
    HybridSettings hybrid = ranking.hybridOrExplain(err, "eval");
    if (hybrid == null) {
      return ExitCodes.USAGE;
    }
    if (feedback == (topicsFile != null || qrelsFile != null) || !feedback && (topicsFile == null || qrelsFile == null)) {
      err.println("archive eval: give --topics and --qrels, or --feedback alone");
      return ExitCodes.USAGE;
    }
    List<Topic> topics;
    Qrels qrels;
    if (feedback) {
      FeedbackLog.Judgments judgments = IndexFolder.at(location.path()).feedbackLog().judgments();
      if (judgments.topics().isEmpty()) {
        err.println("archive eval: the feedback log " + IndexFolder.at(location.path()).feedbackLog().file() + " holds no votes yet");
        return ExitCodes.FAILED;
      }
      topics = judgments.topics();
      qrels = judgments.qrels();
    } else {
      topics = Topics.read(topicsFile);
      qrels = Qrels.read(qrelsFile);
    }
    List<EvalReport> reports = new ArrayList<>();
    try (Archive archive = location.open(err, ranking.settings(), hybrid)) {
      for (String mode : chosen) {
        Function<Topic, List<ScoredDoc>> ours = topic -> unchecked(() -> scored(rank(archive, mode, topic.text())));
        Evaluation evaluation = new Evaluator("archive-" + mode, threads).evaluate(topics, qrels, ours, depth);
        reports.add(evaluation.report());
        if (runFile != null && mode.equals(chosen.get(0))) {
          evaluation.run().write(runFile);
        }
      }
      if (!noBaseline) {
        PlainBaseline.Builder builder = PlainBaseline.builder();
        try (ArchiveEngine engine = location.engine(err, location.settings().withAnswers(ranking.settings()))) {
          engine.forEachArticle(article -> builder.add(article.id(), article.title() + "\n" + article.body()));
        }
        try (PlainBaseline baseline = builder.build()) {
          Function<Topic, List<ScoredDoc>> plain = topic -> unchecked(() -> baseline.search(topic.text(), depth));
          reports.add(new Evaluator("baseline", threads).evaluate(topics, qrels, plain, depth).report());
        }
      }
    }
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("topics", topics.size());
      map.put("judged_queries", reports.get(0).queries());
      for (EvalReport report : reports) {
        map.put(report.runTag(), report.means());
      }
      out.println(Json.write(map));
    } else {
      printTable(out, reports);
    }
    return ExitCodes.OK;
  }

  private List<ScoredArticle> rank(Archive archive, String mode, String text) throws IOException {
    return switch (mode) {
      case "ask" -> archive.rank(text, depth);
      case "search" -> archive.rankSearch(text, depth);
      default -> archive.rank(text, depth, RetrievalMode.parse(mode));
    };
  }

  private static void printTable(PrintWriter out, List<EvalReport> reports) {
    out.printf("%d judged queries%n%n", reports.get(0).queries());
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-16s", "run"));
    for (Metric metric : Metric.values()) {
      header.append(String.format(Locale.ROOT, "%12s", metric.label()));
    }
    out.println(header);
    for (EvalReport report : reports) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-16s", report.runTag()));
      for (Metric metric : Metric.values()) {
        row.append(String.format(Locale.ROOT, "%12.4f", report.mean(metric)));
      }
      out.println(row);
    }
  }

  /** The ranking as evaluation reads it (a run's document ids and scores). */
  private static List<ScoredDoc> scored(List<ScoredArticle> ranking) {
    return ranking.stream().map(article -> new ScoredDoc(article.id(), article.score())).toList();
  }

  private interface IoSupplier<T> {
    T get() throws IOException;
  }

  private static <T> T unchecked(IoSupplier<T> supplier) {
    try {
      return supplier.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
