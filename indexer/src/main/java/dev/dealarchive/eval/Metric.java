package dev.dealarchive.eval;

import java.util.List;
import java.util.Map;

/** The measures an {@link EvalReport} holds, each computed as described at its {@link Metrics} method. */
public enum Metric {
  /** trec_eval's {@code ndcg_cut.10}: see {@link Metrics#ndcgCut(List, Map, int)}. */
  NDCG_10("nDCG@10", 10),
  /** trec_eval's {@code recall.100}: see {@link Metrics#recall(List, Map, int)}. */
  RECALL_100("R@100", 100),
  /** trec_eval's {@code recall.1000}: see {@link Metrics#recall(List, Map, int)}. */
  RECALL_1000("R@1000", 1000),
  /** MS MARCO's MRR@10, trec_eval's {@code recip_rank} cut at 10: see {@link Metrics#reciprocalRank}. */
  MRR_10("MRR@10", 10);

  private final String label;
  private final int cutoff;

  Metric(String label, int cutoff) {
    this.label = label;
    this.cutoff = cutoff;
  }

  /** The short name used in reports and as key of {@link EvalReport#means()}, such as {@code nDCG@10}. */
  public String label() {
    return label;
  }

  /** The rank cutoff k of the measure. */
  public int cutoff() {
    return cutoff;
  }

  /**
   * Scores one query.
   *
   * @param ranking the query's results in any order; they are put in {@link ScoredDoc#TREC_EVAL_ORDER} first
   * @param judgments the query's judgments: document id to relevance
   */
  public double score(List<ScoredDoc> ranking, Map<String, Integer> judgments) {
    return switch (this) {
      case NDCG_10 -> Metrics.ndcgCut(ranking, judgments, cutoff);
      case RECALL_100, RECALL_1000 -> Metrics.recall(ranking, judgments, cutoff);
      case MRR_10 -> Metrics.reciprocalRank(ranking, judgments, cutoff);
    };
  }
}
