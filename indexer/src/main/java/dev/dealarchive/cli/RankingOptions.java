package dev.dealarchive.cli;

import dev.dealarchive.answer.AnswerSettings;
import picocli.CommandLine.Option;

/** The ranking knobs of questions, as command-line options; every default serves news articles. */
public final class RankingOptions {
  private static final AnswerSettings DEFAULTS = AnswerSettings.defaults();

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

  /** The settings these options describe. */
  public AnswerSettings settings() {
    return new AnswerSettings(k1, b, titleBoost, exactBonus, proximityWeight, proximitySlop, minCoverage);
  }
}
