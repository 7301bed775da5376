package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassagesTest {
  private static final String BODY =
      "Microsoft and OpenAI changed their deal on Tuesday.\n\nThe licence is now non-exclusive.\n"
          + "OpenAI will pay Microsoft a revenue share capped at 20% through 2030. Analysts were surprised.";

  @Test
  void sentencesSplitAtFullStopsAndBlankLines() {
    List<Passages.Sentence> sentences = Passages.sentences("Heading without stop\n\nFirst. Second one.");
    assertEquals(3, sentences.size());
    assertEquals(0, sentences.get(0).start());
  }

  @Test
  void bestPassageIsTheSentenceWithMostDistinctQueryTerms() {
    MarkedText passage = Passages.best(BODY, MatchTerms.of(List.of(QueryPart.word("revenue"), QueryPart.word("share"))), 240);
    assertTrue(passage.text().startsWith("OpenAI will pay Microsoft a revenue share"), passage.text());
    assertTrue(passage.withStars().startsWith("OpenAI will pay Microsoft a **revenue** **share** capped"), passage.withStars());
  }

  @Test
  void stemmedWordsAreMarkedInTheirWrittenForm() {
    MarkedText passage = Passages.best("Revenues rose. Sharing ended.", MatchTerms.of(List.of(QueryPart.word("revenue"))), 240);
    assertEquals("**Revenues** rose. Sharing ended.", passage.withStars());
  }

  @Test
  void phraseWordsMatchOnlyTheirExactForm() {
    MatchTerms terms = MatchTerms.of(List.of(new QueryPart("revenue share", true, false)));
    assertEquals(Set.of("revenue", "share"), terms.exact());
    assertTrue(terms.stems().isEmpty());
  }

  @Test
  void longSentenceIsCutAroundTheFirstMatchWithEllipses() {
    String filler = "word ".repeat(200);
    String text = filler + "target here " + filler + ".";
    MarkedText passage = Passages.best(text, MatchTerms.of(List.of(QueryPart.word("target"))), 100);
    assertTrue(passage.text().startsWith("… "), passage.text());
    assertTrue(passage.text().endsWith(" …"), passage.text());
    assertTrue(passage.text().length() <= 110, passage.text());
    assertTrue(passage.withStars().contains("**target**"));
  }

  @Test
  void whiteSpaceIsFoldedAndMarksStayOnTheirWords() {
    MarkedText passage = Passages.best("The   cocoa\n    zone was dry.", MatchTerms.of(List.of(QueryPart.word("zone"))), 240);
    assertEquals("The cocoa **zone** was dry.", passage.withStars());
  }

  @Test
  void withoutMatchesTheOpeningIsShown() {
    MarkedText passage = Passages.best("First sentence. Second sentence.", MatchTerms.of(List.of()), 240);
    assertEquals("First sentence. Second sentence.", passage.text());
  }
}
