package dev.dealarchive.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The measures, computed for a single query as trec_eval 9.0 (the current NIST source) computes them, and their
 * average over a qrels file.
 *
 * <p>Every method first puts the ranking in {@link ScoredDoc#TREC_EVAL_ORDER} (score descending, ties by document id
 * descending), as trec_eval does regardless of the ranks in a run file. A document is relevant when its judgment is
 * at least 1; a document without a judgment counts as non-relevant.
 */
public final class Metrics {
  private static final double LN_2 = Math.log(2.0);

  private Metrics() {}

  /** A copy of {@code ranking} in {@link ScoredDoc#TREC_EVAL_ORDER}. */
  public static List<ScoredDoc> trecEvalOrder(List<ScoredDoc> ranking) {
    List<ScoredDoc> ordered = new ArrayList<>(ranking);
    ordered.sort(ScoredDoc.TREC_EVAL_ORDER);
    return ordered;
  }

  /**
   * Normalized discounted cumulative gain at rank {@code k}, as trec_eval's {@code ndcg_cut.k}: the document at
   * 1-based rank r within the top k adds gain / log2(r + 1), where the gain is its relevance value and documents
   * judged 0 or below, or not judged, add nothing; the sum is divided by the same sum over the ideal ranking, which
   * is every document of the query judged above 0, in descending relevance, cut at k.
   *
   * @param ranking the query's results in any order
   * @param judgments the query's judgments: document id to relevance
   * @param k the cutoff, at least 1
   * @return a value in [0, 1]; 0 when the query has no relevant document
   */
  public static double ndcgCut(List<ScoredDoc> ranking, Map<String, Integer> judgments, int k) {
    checkCutoff(k);
    List<ScoredDoc> ordered = trecEvalOrder(ranking);
    double dcg = 0.0;
    for (int i = 0; i < Math.min(k, ordered.size()); i++) {
      int gain = judgments.getOrDefault(ordered.get(i).docId(), 0);
      if (gain > 0) {
        dcg += gain / log2(i + 2);
      }
    }
    int[] idealGains = judgments.values().stream()
        .filter(rel -> rel > 0)
        .sorted((a, b) -> Integer.compare(b, a))
        .mapToInt(Integer::intValue)
        .toArray();
    double idealDcg = 0.0;
    for (int i = 0; i < Math.min(k, idealGains.length); i++) {
      idealDcg += idealGains[i] / log2(i + 2);
    }
    return idealDcg > 0.0 ? dcg / idealDcg : 0.0;
  }

  /**
   * Recall at rank {@code k}, as trec_eval's {@code recall.k}: relevant documents within the top k divided by all
   * relevant documents of the query. A ranking shorter than k is taken as filled with non-relevant documents.
   *
   * @param ranking the query's results in any order
   * @param judgments the query's judgments: document id to relevance
   * @param k the cutoff, at least 1
   * @return a value in [0, 1]; 0 when the query has no relevant document
   */
  public static double recall(List<ScoredDoc> ranking, Map<String, Integer> judgments, int k) {
    checkCutoff(k);
    long relevant = judgments.values().stream().filter(rel -> rel >= 1).count();
    if (relevant == 0) {
      return 0.0;
    }
    List<ScoredDoc> ordered = trecEvalOrder(ranking);
    int found = 0;
    for (int i = 0; i < Math.min(k, ordered.size()); i++) {
      if (isRelevant(ordered.get(i), judgments)) {
        found++;
      }
    }
    return (double) found / relevant;
  }

  /**
   * Reciprocal rank cut at {@code k} (MRR@k when averaged): 1 / r for the 1-based rank r of the first relevant
   * document if r is at most k, else 0. For k at least the ranking's length this is trec_eval's {@code recip_rank}.
   *
   * @param ranking the query's results in any order
   * @param judgments the query's judgments: document id to relevance
   * @param k the cutoff, at least 1
   * @return a value in [0, 1]
   */
  public static double reciprocalRank(List<ScoredDoc> ranking, Map<String, Integer> judgments, int k) {
    checkCutoff(k);
    List<ScoredDoc> ordered = trecEvalOrder(ranking);
    for (int i = 0; i < Math.min(k, ordered.size()); i++) {
      if (isRelevant(ordered.get(i), judgments)) {
        return 1.0 / (i + 1);
      }
    }
    return 0.0;
  }

  /**
   * Scores a run against judgments with every {@link Metric}.
   *
   * <p>Averaged queries: every query of the qrels that has at least one relevant document, in qrels order. A query
   * the run has no results for scores 0 on every measure and is still counted; a query whose judgments are all 0 or
   * below is left out; a run query without judgments is ignored. When every qrels query has a relevant document, this
   * is what {@code trec_eval -c} computes, and also what plain trec_eval and pytrec_eval (the source of BEIR and
   * Anserini figures) compute provided the run answers every judged query. Otherwise those tools average over a
   * different set of queries: they keep judged queries without relevant documents (at 0), and without {@code -c}
   * they leave out the queries the run does not answer.
   *
   * @return the means, the number of averaged queries and the per-query values; means are 0 when no query qualifies
   */
  public static EvalReport evaluate(Run run, Qrels qrels) {
    Metric[] metrics = Metric.values();
    double[] sums = new double[metrics.length];
    List<QueryScores> perQuery = new ArrayList<>();
    int withoutResults = 0;
    for (Map.Entry<String, Map<String, Integer>> query : qrels.judgments().entrySet()) {
      int relevant = qrels.relevantCount(query.getKey());
      if (relevant == 0) {
        continue;
      }
      List<ScoredDoc> ordered = trecEvalOrder(run.ranking(query.getKey()));
      if (ordered.isEmpty()) {
        withoutResults++;
      }
      Map<String, Double> values = new LinkedHashMap<>();
      for (Metric metric : metrics) {
        double value = metric.score(ordered, query.getValue());
        values.put(metric.label(), value);
        sums[metric.ordinal()] += value;
      }
      perQuery.add(new QueryScores(query.getKey(), relevant, ordered.size(), values));
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (Metric metric : metrics) {
      means.put(metric.label(), perQuery.isEmpty() ? 0.0 : sums[metric.ordinal()] / perQuery.size());
    }
    return new EvalReport(run.tag(), perQuery.size(), withoutResults, means, perQuery);
  }

  private static boolean isRelevant(ScoredDoc doc, Map<String, Integer> judgments) {
    return judgments.getOrDefault(doc.docId(), 0) >= 1;
  }

  private static double log2(int x) {
    return Math.log(x) / LN_2;
  }

  private static void checkCutoff(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("cutoff must be at least 1: " + k);
    }
  }
}
