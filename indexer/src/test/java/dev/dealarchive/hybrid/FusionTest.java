package dev.dealarchive.hybrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class FusionTest {
  private static final HybridSettings CONVEX = HybridSettings.defaults();
  private static final HybridSettings RRF =
      new HybridSettings(RetrievalMode.HYBRID, FusionMethod.RRF, 0.5, 60, 100);

  private static ScoreDoc[] docs(float... docAndScore) {
    ScoreDoc[] docs = new ScoreDoc[docAndScore.length / 2];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = new ScoreDoc((int) docAndScore[2 * i], docAndScore[2 * i + 1]);
    }
    return docs;
  }

  @Test
  void convexFusionAddsNormalisedScoresSoAnArticleStrongOnBothSidesWins() {
    // Doc 1 is best by words, doc 2 best by meaning, doc 3 second on both: 0.5*0.9 + 0.5*0.8 beats 0.5*1 + 0.5*0.
    List<Fusion.Fused> fused =
        Fusion.fuse(docs(1, 10f, 3, 9.1f, 4, 1f), docs(2, 0.90f, 3, 0.82f, 5, 0.50f), CONVEX);
    assertEquals(3, fused.get(0).doc());
    assertEquals(5, fused.size(), "each article once");
    assertEquals(1.0, fused.stream().filter(f -> f.doc() == 1).findFirst().orElseThrow().keyword(), 1e-9);
    assertEquals(0.0, fused.stream().filter(f -> f.doc() == 1).findFirst().orElseThrow().semantic(), 1e-9);
  }

  @Test
  void aClearKeywordWinnerMatchedByMeaningStaysFirst() {
    List<Fusion.Fused> fused = Fusion.fuse(docs(1, 20f, 2, 5f, 3, 4f), docs(2, 0.86f, 1, 0.85f, 3, 0.60f), CONVEX);
    assertEquals(1, fused.get(0).doc());
  }

  @Test
  void oneEmptySideLeavesTheOtherRankingAsItIs() {
    List<Fusion.Fused> keywordOnly = Fusion.fuse(docs(7, 3f, 8, 2f, 9, 1f), new ScoreDoc[0], CONVEX);
    assertEquals(List.of(7, 8, 9), keywordOnly.stream().map(Fusion.Fused::doc).toList());
    List<Fusion.Fused> semanticOnly = Fusion.fuse(new ScoreDoc[0], docs(9, 0.9f, 8, 0.8f), CONVEX);
    assertEquals(List.of(9, 8), semanticOnly.stream().map(Fusion.Fused::doc).toList());
  }

  @Test
  void reciprocalRankFusionUsesRanksOnly() {
    // Doc 2 is second on both sides; docs 1 and 3 are first on one side and absent from the other.
    List<Fusion.Fused> fused = Fusion.fuse(docs(1, 100f, 2, 1f), docs(3, 0.99f, 2, 0.10f), RRF);
    assertEquals(2, fused.get(0).doc());
    assertTrue(fused.get(0).score() > fused.get(1).score());
  }
}
