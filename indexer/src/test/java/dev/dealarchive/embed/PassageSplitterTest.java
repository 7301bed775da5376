package dev.dealarchive.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageSplitterTest {
  @Test
  void groupsUpToThreeSentencesAlignedToSentenceBoundaries() {
    String body = "One is first. Two is second. Three is third. Four is fourth. Five is fifth.";
    List<Passage> passages = PassageSplitter.split(body);
    assertEquals(2, passages.size());
    assertEquals("One is first. Two is second. Three is third.", passages.get(0).text());
    assertEquals("Four is fourth. Five is fifth.", passages.get(1).text());
    for (Passage passage : passages) {
      assertEquals(passage.text(), body.substring(passage.start(), passage.end()));
    }
    assertEquals(1, passages.get(1).ordinal());
  }

  @Test
  void startsANewPassageBeforeTheWordLimit() {
    String sixty = "word ".repeat(59) + "end.";
    String body = sixty + " " + sixty;
    List<Passage> passages = PassageSplitter.split(body);
    assertEquals(2, passages.size(), "two 60-word sentences exceed " + PassageSplitter.MAX_WORDS + " words together");
  }

  @Test
  void cutsASentenceLongerThanThePassageLimitAtWords() {
    String body = "Short one. Many " + "words ".repeat(249).strip() + ". Last one.";
    List<Passage> passages = PassageSplitter.split(body);
    assertEquals(5, passages.size());
    assertEquals("Short one.", passages.get(0).text());
    assertEquals(PassageSplitter.MAX_WORDS, passages.get(1).text().split(" ").length);
    assertEquals("Last one.", passages.get(4).text());
  }

  @Test
  void anArticleWithoutBodyHasItsTitleAsOnlyPassage() {
    List<Passage> passages = PassageSplitter.split("");
    assertEquals(1, passages.size());
    assertEquals("Acme buys Widget Co", passages.get(0).embeddingText("Acme buys Widget Co"));
  }

  @Test
  void theTitleIsContextInFrontOfEveryPassage() {
    Passage passage = PassageSplitter.split("The deal closed in May.").get(0);
    assertEquals("Acme buys Widget Co\nThe deal closed in May.", passage.embeddingText("  Acme buys Widget Co "));
    String longTitle = "t ".repeat(100);
    assertTrue(passage.embeddingText(longTitle).split("\\s+").length <= PassageSplitter.MAX_TITLE_WORDS + 6);
  }

  @Test
  void keepsAtMostTheCapOfPassagesForAHugeArticle() {
    String body = "This is a sentence of the body. ".repeat(PassageSplitter.MAX_SENTENCES * (PassageSplitter.MAX_PASSAGES + 20));
    assertEquals(PassageSplitter.MAX_PASSAGES, PassageSplitter.split(body).size());
  }
}
