package dev.dealarchive.cli;

import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.hybrid.FusionMethod;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The ranking knobs of questions, as command-line options; every default serves news articles. */
public final class RankingOptions {
  private static final AnswerSettings DEFAULTS = AnswerSettings.defaults();
  private static final HybridSettings HYBRID_DEFAULTS = HybridSettings.defaults();

  @Option(names = "--k1", paramLabel = "K1", description = "BM25 term-frequency saturation (default: ${DEFAULT-VALUE}).")
  float k1 = DEFAULTS.k1();

  @Option(names = "--b", paramLabel = "B", description = "BM25 length normalisation (default: ${DEFAULT-VALUE}).")
  float b = DEFAULTS.b();

  @Option(names = "--title-boost", paramLabel = "W", description = "Weight of title matches (default: ${DEFAULT-VALUE}).")
  float titleBoost = DEFAULTS.titleBoost();

  @Option(names = "--exact-bonus", paramLabel = "W", description = "Weight of exact word-form matches (default: ${DEFAULT-VALUE}).")
  float exactBonus = DEFAULTS.exactBonus();

  @Option(names = "--proximity", paramLabel = "W", description = "Weight of question words found near each other (default: ${DEFAULT-VALUE}).")
  float proximityWeight = DEFAULTS.proximityWeight();

  @Option(names = "--proximity-slop", paramLabel = "N", description = "How far apart near words may be (default: ${DEFAULT-VALUE}).")
  int proximitySlop = DEFAULTS.proximitySlop();

  @Option(
      names = "--min-coverage",
      paramLabel = "F",
      description = "Least share of the question the answer passage must cover, 0-1 (default: ${DEFAULT-VALUE}).")
  double minCoverage = DEFAULTS.minCoverage();

  @Option(
      names = "--retrieval",
      paramLabel = "MODE",
      description = "Rank by keyword, semantic or hybrid (default: ${DEFAULT-VALUE}; keyword on an index without vectors).")
  String retrieval = HYBRID_DEFAULTS.mode().label();

  @Option(names = "--fusion", paramLabel = "METHOD", description = "How hybrid merges the two rankings: convex or rrf (default: ${DEFAULT-VALUE}).")
  String fusion = HYBRID_DEFAULTS.fusion().label();

  @Option(
      names = "--semantic-weight",
      paramLabel = "W",
      description = "Share of meaning in a convex fusion, 0-1 (default: ${DEFAULT-VALUE}).")
  double semanticWeight = HYBRID_DEFAULTS.semanticWeight();

  @Option(names = "--rrf-k", paramLabel = "K", description = "Constant of reciprocal rank fusion (default: ${DEFAULT-VALUE}).")
  int rrfK = HYBRID_DEFAULTS.rrfK();

  /** The settings of ranking by words and meaning these options describe. */
  public HybridSettings hybrid() {
    return new HybridSettings(
        RetrievalMode.parse(retrieval), FusionMethod.parse(fusion), semanticWeight, rrfK, HYBRID_DEFAULTS.semanticDepth());
  }

  /**
   * As {@link #hybrid()}, or {@code null} after saying on {@code err} which value is wrong ({@code archive COMMAND:
   * ...}), for the command to exit with {@link ExitCodes#USAGE}.
   */
  HybridSettings hybridOrExplain(PrintWriter err, String command) {
    try {
      return hybrid();
    } catch (IllegalArgumentException e) {
      err.println("archive " + command + ": " + e.getMessage());
      return null;
    }
  }

  /** The settings these options describe. */
  public AnswerSettings settings() {
    return new AnswerSettings(k1, b, titleBoost, exactBonus, proximityWeight, proximitySlop, minCoverage);
  }
}
