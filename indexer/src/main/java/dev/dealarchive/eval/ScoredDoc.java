package dev.dealarchive.eval;

import java.util.Comparator;
import java.util.Objects;

/**
 * One retrieved document and its score.
 *
 * @param docId document id as in the qrels; not blank, without whitespace
 * @param score retrieval score, higher is better; finite ({@code -0.0} is stored as {@code 0.0})
 */
public record ScoredDoc(String docId, double score) {
  /**
   * The order trec_eval ranks a query's results in, whatever order they were given in: score descending, and among
   * equal scores document id descending, compared code point by code point (which is the byte order of UTF-8, as C's
   * {@code strcmp} compares). Ranks in a run file are ignored by trec_eval; only this order counts. Older trec_eval
   * builds hold scores as 32-bit floats, so there scores that differ only beyond float precision tie; scores that are
   * floats to begin with, as Lucene's are, rank the same either way.
   */
  public static final Comparator<ScoredDoc> TREC_EVAL_ORDER = ScoredDoc::compareTrecEval;

  public ScoredDoc {
    Objects.requireNonNull(docId, "docId");
    if (docId.isBlank() || InputLines.hasWhitespace(docId)) {
      throw new IllegalArgumentException("document id must be non-blank without whitespace: '" + docId + "'");
    }
    if (!Double.isFinite(score)) {
      throw new IllegalArgumentException("score of " + docId + " is not finite: " + score);
    }
    if (score == 0.0) {
      score = 0.0;
    }
  }

  private static int compareTrecEval(ScoredDoc a, ScoredDoc b) {
    if (a.score > b.score) {
      return -1;
    }
    if (a.score < b.score) {
      return 1;
    }
    return compareCodePoints(b.docId, a.docId);
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
