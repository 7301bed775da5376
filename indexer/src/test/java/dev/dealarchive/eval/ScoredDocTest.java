package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoredDocTest {
  @Test
  void trecEvalOrderSortsByScoreDescendingThenDocIdDescending() {
    List<ScoredDoc> docs = new ArrayList<>(List.of(
        new ScoredDoc("b", 1.0), new ScoredDoc("c", 2.0), new ScoredDoc("a", 1.0), new ScoredDoc("d10", 1.0),
        new ScoredDoc("d9", 1.0)));

    docs.sort(ScoredDoc.TREC_EVAL_ORDER);

    // strcmp order, not numeric: "d9" > "d10".
    assertEquals(List.of("c", "d9", "d10", "b", "a"), docs.stream().map(ScoredDoc::docId).toList());
  }

  @Test
  void trecEvalOrderComparesDocIdsByCodePointAsUtf8BytesDo() {
    // U+1F600 (a surrogate pair in Java) is above U+FF21 in UTF-8 byte order, though String.compareTo says below.
    List<ScoredDoc> docs = new ArrayList<>(List.of(new ScoredDoc("\uFF21", 1.0), new ScoredDoc("\uD83D\uDE00", 1.0)));

    docs.sort(ScoredDoc.TREC_EVAL_ORDER);

    assertEquals(List.of("\uD83D\uDE00", "\uFF21"), docs.stream().map(ScoredDoc::docId).toList());
  }

  @Test
  void negativeZeroScoreTiesWithZero() {
    assertEquals(new ScoredDoc("d", 0.0), new ScoredDoc("d", -0.0));
  }

  @Test
  void rejectsNonFiniteScoresAndIdsWithWhitespace() {
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("d", Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("d", Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc("d 1", 1.0));
    assertThrows(IllegalArgumentException.class, () -> new ScoredDoc(" ", 1.0));
  }
}
