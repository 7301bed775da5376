package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class StoredSentencesTest {
  private static final String BODY =
      "Microsoft and OpenAI changed their deal on Tuesday.\n\nThe licence is now non-exclusive.\n"
          + "OpenAI will pay Microsoft a revenue share capped at 20% through 2030. Analysts were surprised.";

  @Test
  void storedSentencesReadBackAsCut() {
    BytesRef stored = new BytesRef(StoredSentences.of(BODY));
    assertEquals(Passages.sentences(BODY), StoredSentences.decode(stored, BODY.length()));
    String long_ = "word ".repeat(40_000) + ". Then another sentence.";
    assertEquals(Passages.sentences(long_), StoredSentences.decode(new BytesRef(StoredSentences.of(long_)), long_.length()));
  }

  @Test
  void sentencesThatDoNotFitTheTextAreNotUsed() {
    byte[] stored = StoredSentences.of(BODY);
    assertNull(StoredSentences.decode(new BytesRef(stored), 20));
    assertNull(StoredSentences.decode(new BytesRef(stored, 0, stored.length - 1), BODY.length()));
    assertNull(StoredSentences.decode(null, BODY.length()));
    assertEquals(List.of(), StoredSentences.decode(new BytesRef(StoredSentences.of("  \n ")), 4));
  }

  @Test
  void passagesFromStoredSentencesEqualPassagesFromCutSentences() {
    List<Passages.Sentence> stored = StoredSentences.decode(new BytesRef(StoredSentences.of(BODY)), BODY.length());
    for (String query : new String[] {"revenue share", "microsoft", "licence", "nothing here", "surprised analysts"}) {
      MatchTerms terms = MatchTerms.of(QueryLanguage.parse(query).positiveParts());
      assertEquals(Passages.best(BODY, terms, 240), Passages.best(BODY, stored, terms, 240), query);
      assertEquals(Passages.best(BODY, terms, 60), Passages.best(BODY, stored, terms, 60), query);
    }
  }
}
