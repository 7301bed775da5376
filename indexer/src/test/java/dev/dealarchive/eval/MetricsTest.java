package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks every measure against values computed by hand on a tiny collection.
 *
 * <p>Judgments (graded 0, 1, 2): q1 judges d1=2, d2=1, d3=0, d4=1; q2 judges a=1, b=1; q3 judges x=1 and is missing
 * from the run; q4 judges only y=0 (no relevant document, so it is skipped); q5 judges c=0, e=2. The run also
 * answers q9, which has no judgments.
 */
class MetricsTest {
  private static final double EPS = 1e-12;

  @TempDir Path dir;

  private Qrels qrels;
  private Run run;

  @BeforeEach
  void writeFixture() throws IOException {
    Path qrelsFile = dir.resolve("qrels.txt");
    Files.writeString(qrelsFile, """
        q1 0 d1 2
        q1 0 d2 1
        q1 0 d3 0
        q1 0 d4 1
        q2 0 a 1
        q2\t0\tb\t1
        q3 0 x 1
        q4 0 y 0
        q5 0 c 0
        q5 0 e 2
        """, StandardCharsets.UTF_8);
    qrels = Qrels.read(qrelsFile);

    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    // q1: d2 and the unjudged d9 tie at 2.0; trec_eval puts the larger id first: d1, d9, d2, d3.
    rankings.put("q1", List.of(doc("d1", 3.0), doc("d2", 2.0), doc("d9", 2.0), doc("d3", 1.0)));
    rankings.put("q2", q2Ranking());
    rankings.put("q4", List.of(doc("y", 1.0)));
    rankings.put("q5", List.of(doc("c", 1.0), doc("e", 0.5)));
    rankings.put("q9", List.of(doc("w", 1.0)));
    run = new Run("fixture", rankings);
  }

  /**
   * q2: n01..n09 at ranks 1-9, then a and z tie at 50.0 so z takes rank 10 and the relevant a rank 11; then fillers
   * down to rank 130 with the relevant b at rank 120.
   */
  private static List<ScoredDoc> q2Ranking() {
    List<ScoredDoc> docs = new ArrayList<>();
    for (int rank = 1; rank <= 9; rank++) {
      docs.add(doc(String.format(Locale.ROOT, "n%02d", rank), 100 - rank));
    }
    docs.add(doc("a", 50.0));
    docs.add(doc("z", 50.0));
    for (int rank = 12; rank <= 130; rank++) {
      docs.add(doc(rank == 120 ? "b" : String.format(Locale.ROOT, "f%03d", rank), 49 - rank * 0.1));
    }
    return docs;
  }

  @Test
  void ndcgAt10UsesGradedGainsLog2DiscountAndTrecEvalTieOrder() {
    // q1 in trec_eval order: d1 (2), d9 (unjudged), d2 (1), d3 (0).
    // DCG  = 2/log2(2) + 1/log2(4)                 = 2 + 0.5               = 2.5
    // IDCG = 2/log2(2) + 1/log2(3) + 1/log2(4)     = 2 + 0.630930 + 0.5    = 3.130930  (d1, d2, d4)
    // nDCG = 2.5 / 3.130930 = 0.798485
    // (breaking the tie by ascending id would put d2 at rank 2: (2 + 1/log2(3)) / 3.130930 = 0.840303)
    double expected = (2 / log2(2) + 1 / log2(4)) / (2 / log2(2) + 1 / log2(3) + 1 / log2(4));
    assertEquals(expected, Metrics.ndcgCut(run.ranking("q1"), qrels.judgmentsFor("q1"), 10), EPS);
    assertEquals(0.798485, expected, 5e-7);
  }

  @Test
  void ndcgAt10IsZeroWhenTheOnlyRelevantDocumentInTheTopTenLosesATie() {
    // q2: a and z tie at rank 10/11; descending id puts z at 10, so no relevant document is in the top 10.
    assertEquals(0.0, Metrics.ndcgCut(run.ranking("q2"), qrels.judgmentsFor("q2"), 10), EPS);
  }

  @Test
  void ndcgAt10OfARelevantDocumentAtRankTwoBehindAJudgedNonRelevantOne() {
    // q5: c (0) at rank 1, e (2) at rank 2.
    // nDCG = (2/log2(3)) / (2/log2(2)) = 1.261860 / 2 = 0.630930
    double expected = (2 / log2(3)) / (2 / log2(2));
    assertEquals(expected, Metrics.ndcgCut(run.ranking("q5"), qrels.judgmentsFor("q5"), 10), EPS);
    assertEquals(0.630930, expected, 5e-7);
  }

  @Test
  void ndcgGivesNoGainToNegativeJudgments() {
    // -1 at rank 1 adds nothing; 1 at rank 2: (1/log2(3)) / (1/log2(2)) = 0.630930
    Map<String, Integer> judgments = Map.of("neg", -1, "pos", 1);
    List<ScoredDoc> ranking = List.of(doc("neg", 2.0), doc("pos", 1.0));
    assertEquals(1 / log2(3), Metrics.ndcgCut(ranking, judgments, 10), EPS);
  }

  @Test
  void recallCountsRelevantDocumentsWithinTheCutoffOverAllRelevantOnes() {
    // q1: d1 and d2 retrieved of d1, d2, d4 relevant: 2/3 at both cutoffs.
    assertEquals(2.0 / 3, Metrics.recall(run.ranking("q1"), qrels.judgmentsFor("q1"), 100), EPS);
    assertEquals(2.0 / 3, Metrics.recall(run.ranking("q1"), qrels.judgmentsFor("q1"), 1000), EPS);
    // q2: a at rank 11 is within 100, b at rank 120 only within 1000: 1/2 and 2/2.
    assertEquals(1.0 / 2, Metrics.recall(run.ranking("q2"), qrels.judgmentsFor("q2"), 100), EPS);
    assertEquals(2.0 / 2, Metrics.recall(run.ranking("q2"), qrels.judgmentsFor("q2"), 1000), EPS);
  }

  @Test
  void reciprocalRankIsOneOverTheRankOfTheFirstRelevantDocumentWithinTen() {
    assertEquals(1.0, Metrics.reciprocalRank(run.ranking("q1"), qrels.judgmentsFor("q1"), 10), EPS);
    // q5: first relevant e at rank 2: 1/2.
    assertEquals(0.5, Metrics.reciprocalRank(run.ranking("q5"), qrels.judgmentsFor("q5"), 10), EPS);
    // q2: first relevant a at rank 11 (it loses the tie with z at rank 10): 0 within 10, 1/11 within 11.
    assertEquals(0.0, Metrics.reciprocalRank(run.ranking("q2"), qrels.judgmentsFor("q2"), 10), EPS);
    assertEquals(1.0 / 11, Metrics.reciprocalRank(run.ranking("q2"), qrels.judgmentsFor("q2"), 11), EPS);
  }

  @Test
  void meansAverageJudgedQueriesWithARelevantDocumentCountingOnesMissingFromTheRunAsZero() {
    EvalReport report = Metrics.evaluate(run, qrels);

    // Averaged: q1, q2, q3 (missing from the run, all 0) and q5; q4 has no relevant document, q9 no judgments.
    assertEquals(4, report.queries());
    assertEquals(1, report.queriesWithoutResults());
    assertEquals(List.of("q1", "q2", "q3", "q5"), report.perQuery().stream().map(QueryScores::queryId).toList());
    assertEquals("fixture", report.runTag());
    // nDCG@10 = (0.798485 + 0 + 0 + 0.630930) / 4 = 0.357354
    double ndcgQ1 = (2 / log2(2) + 1 / log2(4)) / (2 / log2(2) + 1 / log2(3) + 1 / log2(4));
    double ndcgQ5 = (2 / log2(3)) / (2 / log2(2));
    assertEquals((ndcgQ1 + 0 + 0 + ndcgQ5) / 4, report.mean(Metric.NDCG_10), EPS);
    assertEquals(0.357354, report.mean(Metric.NDCG_10), 5e-7);
    // R@100 = (2/3 + 1/2 + 0 + 1) / 4 = 0.541667
    assertEquals((2.0 / 3 + 1.0 / 2 + 0 + 1) / 4, report.mean(Metric.RECALL_100), EPS);
    // R@1000 = (2/3 + 1 + 0 + 1) / 4 = 0.666667
    assertEquals((2.0 / 3 + 1 + 0 + 1) / 4, report.mean(Metric.RECALL_1000), EPS);
    // MRR@10 = (1 + 0 + 0 + 1/2) / 4 = 0.375
    assertEquals((1 + 0 + 0 + 0.5) / 4, report.mean(Metric.MRR_10), EPS);
  }

  @Test
  void perQueryValuesRecordRelevantAndRetrievedCounts() {
    EvalReport report = Metrics.evaluate(run, qrels);

    QueryScores q2 = report.perQuery().get(1);
    assertEquals("q2", q2.queryId());
    assertEquals(2, q2.relevant());
    assertEquals(130, q2.retrieved());
    assertEquals(0.5, q2.value(Metric.RECALL_100), EPS);
    QueryScores q3 = report.perQuery().get(2);
    assertEquals(0, q3.retrieved());
    assertEquals(Map.of("nDCG@10", 0.0, "R@100", 0.0, "R@1000", 0.0, "MRR@10", 0.0), q3.values());
  }

  @Test
  void resultOrderInTheRunDoesNotChangeTheValues() {
    List<ScoredDoc> reversed = new ArrayList<>(run.ranking("q1"));
    Collections.reverse(reversed);
    assertEquals(
        Metrics.ndcgCut(run.ranking("q1"), qrels.judgmentsFor("q1"), 10),
        Metrics.ndcgCut(reversed, qrels.judgmentsFor("q1"), 10),
        0.0);
  }

  @Test
  void scoringTheWrittenRunFileGivesTheSameReport() throws IOException {
    Path runFile = dir.resolve("fixture.run");
    run.write(runFile);

    assertEquals(Metrics.evaluate(run, qrels), Metrics.evaluate(Run.read(runFile), qrels));
  }

  @Test
  void rejectsACutoffBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> Metrics.recall(List.of(), Map.of("d", 1), 0));
  }

  private static ScoredDoc doc(String id, double score) {
    return new ScoredDoc(id, score);
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
