package dev.dealarchive.hybrid;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/** Merges a keyword and a semantic ranking of the same articles into one. Stateless. */
public final class Fusion {
  private Fusion() {}

  /**
   * One article of the fused ranking.
   *
   * @param doc the article document
   * @param score the fused score, higher is better
   * @param keyword the keyword side's min-max normalised score, 0 to 1 (0 when the keyword side did not return it)
   * @param semantic the semantic side's min-max normalised score, 0 to 1 (0 when the semantic side did not return it)
   * @param keywordRank 0-based rank on the keyword side, or -1
   * @param keywordRatio the keyword score over the best keyword score, 0 to 1 (0 when absent): unlike the min-max
   *     value, a near tie with the best stays near 1
   */
  public record Fused(int doc, double score, double keyword, double semantic, int keywordRank, double keywordRatio) {}

  /**
   * Fuses both rankings, best first; an article in either appears once. With one side empty the other is returned
   * as it is ranked.
   *
   * @param keyword article documents by keyword score, best first
   * @param semantic article documents by similarity, best first
   */
  public static List<Fused> fuse(ScoreDoc[] keyword, ScoreDoc[] semantic, HybridSettings settings) {
    Map<Integer, double[]> sides = new HashMap<>();
    double[] keywordNorm = minMax(keyword);
    double[] semanticNorm = minMax(semantic);
    for (int i = 0; i < keyword.length; i++) {
      sides.computeIfAbsent(keyword[i].doc, d -> new double[] {0, 0, -1, 0})[0] = keywordNorm[i];
      sides.get(keyword[i].doc)[2] = i;
      sides.get(keyword[i].doc)[3] = keyword[0].score > 0 ? keyword[i].score / keyword[0].score : 1;
    }
    for (int i = 0; i < semantic.length; i++) {
      sides.computeIfAbsent(semantic[i].doc, d -> new double[] {0, 0, -1, 0})[1] = semanticNorm[i];
    }
    Map<Integer, Double> fusedScores = new HashMap<>();
    if (settings.fusion() == FusionMethod.RRF && keyword.length > 0 && semantic.length > 0) {
      TopDocs fused =
          TopDocs.rrf(
              sides.size(), settings.rrfK(), new TopDocs[] {topDocs(keyword), topDocs(semantic)});
      for (ScoreDoc doc : fused.scoreDocs) {
        fusedScores.put(doc.doc, (double) doc.score);
      }
    } else {
      double w = keyword.length == 0 ? 1 : semantic.length == 0 ? 0 : settings.semanticWeight();
      sides.forEach((doc, s) -> fusedScores.put(doc, (1 - w) * s[0] + w * s[1]));
    }
    List<Fused> result = new ArrayList<>(sides.size());
    sides.forEach(
        (doc, s) -> result.add(new Fused(doc, fusedScores.getOrDefault(doc, 0.0), s[0], s[1], (int) s[2], s[3])));
    // Ties: the keyword side's order first (it breaks its own ties by date and id), then document order.
    result.sort(
        Comparator.comparingDouble(Fused::score)
            .reversed()
            .thenComparingInt(f -> f.keywordRank() < 0 ? Integer.MAX_VALUE : f.keywordRank())
            .thenComparingInt(Fused::doc));
    return result;
  }

  /** Scores scaled to 0..1 by the list's own minimum and maximum; all 1 when they are equal. */
  static double[] minMax(ScoreDoc[] docs) {
    double[] norm = new double[docs.length];
    if (docs.length == 0) {
      return norm;
    }
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    for (ScoreDoc doc : docs) {
      max = Math.max(max, doc.score);
      min = Math.min(min, doc.score);
    }
    for (int i = 0; i < docs.length; i++) {
      norm[i] = max - min < 1e-12 ? 1.0 : (docs[i].score - min) / (max - min);
    }
    return norm;
  }

  private static TopDocs topDocs(ScoreDoc[] docs) {
    ScoreDoc[] copies = new ScoreDoc[docs.length];
    for (int i = 0; i < docs.length; i++) {
      copies[i] = new ScoreDoc(docs[i].doc, docs[i].score, 0);
    }
    return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), copies);
  }
}
