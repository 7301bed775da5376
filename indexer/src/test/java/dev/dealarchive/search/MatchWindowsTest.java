package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Snippets analyse only the stretches of text where a token can match, and must mark exactly what full analysis marks. */
class MatchWindowsTest {
  private static final String[] QUERIES = {
    "deal", "sky relational", "agreed hopping generous", "cafe zurich", "it", "stability possible ability",
    "happy happiness", "financing", "u.s", "mln pct dlrs", "a320", "naive", "openai microsoft", "don't", "x"
  };

  @Test
  void stemKeysDropTheEndingsPorterMayWriteInsteadOfTheWordsOwnLetters() {
    assertEquals("happ", MatchWindows.stemKey("happi"));
    assertEquals("hop", MatchWindows.stemKey("hope"));
    assertEquals("stab", MatchWindows.stemKey("stabl"));
    assertEquals("ab", MatchWindows.stemKey("able"));
    assertEquals("mln", MatchWindows.stemKey("mln"));
    assertEquals("don", MatchWindows.stemKey("don't"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "happy happiness happily; stability stable ability possibility possible; hoping hopeful hopping hope",
        "relational relate relationship conditional; agreed agreeing feed; sky skies ies; generously generous",
        "mating matting meetings milling messing; rationalization rationalize; electricity electrical electric",
        "responsibility responsible; sensitivity sensitive; probability probably; capability capable"
      })
  void everyWordStartsWithTheKeyOfItsStem(String words) {
    for (TokenForms.Token token : TokenForms.of(words)) {
      if (token.stem() != null) {
        String key = MatchWindows.stemKey(token.stem());
        assertTrue(token.exact().startsWith(key), token.exact() + " -> " + token.stem() + " key " + key);
      }
    }
  }

  @Test
  void termsWithoutALeadingLetterOrDigitNeedTheWholeText() {
    assertNull(MatchWindows.keys(new MatchTerms(java.util.Set.of("_under"), java.util.Set.of())));
    assertNull(MatchWindows.keys(new MatchTerms(java.util.Set.of(), java.util.Set.of("'s"))));
  }

  @Test
  void stretchesRunBetweenWhiteSpaceAndOnlyWhereAKeyStartsARun() {
    String text = "Alpha beta (Microsoft/OpenAI) gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron";
    int[] windows = MatchWindows.of(text, new String[] {"openai"});
    assertArrayEquals(new int[] {11, 29}, windows);
    assertEquals("(Microsoft/OpenAI)", text.substring(windows[0], windows[1]));
    assertEquals(0, MatchWindows.of(text, new String[] {"zzz"}).length);
    assertEquals(0, MatchWindows.of("soil toil", new String[] {"oil"}).length, "a key inside a run starts no token");
  }

  @Test
  void charactersThatFoldToLettersKeepTheirStretchAndPunctuationDoesNot() {
    assertEquals(2, MatchWindows.of("the naïve plan", new String[] {"zzz"}).length);
    assertEquals(2, MatchWindows.of("ﬁnancing", new String[] {"zzz"}).length);
    assertEquals(2, MatchWindows.of("ＦＵＬＬ width", new String[] {"zzz"}).length);
    assertEquals(0, MatchWindows.of("“quoted” — dashed… it’s", new String[] {"zzz"}).length);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Microsoft's revenue-sharing deals with OpenAI’s partners were RENEWED in 2026; the deal's terms.",
        "Skies, sky, ies; relational relate; agreed agree feed; hopping hoping; generously generous. A I.",
        "Café CAFE cafe's; Zürich zurich; it's the IT of it; NAÏVE naive; ﬁnancing FINANCING; ＣＡＦＥ",
        "U.S. A320 3.5% $1.2bn mln pct dlrs e-mail co-operation x's s's don't DON’T u.s.-based",
        "cafe\u0301 e\u0301 \u0301cafe \u00a0cafe\u00a0deal\u2003deal\r\ndeal\u2028deal\tdeal\fdeal",
        "Stability, ability and possibility; happiness happily HAPPY; _deal deal_ deal_x x_deal",
        "emoji 👍deal deal👍 \uD835\uDC1Dmath 日本deal deal日本 한국deal",
      })
  void windowedMatchesEqualWholeTextAnalysis(String text) {
    for (String query : QUERIES) {
      for (boolean phrase : new boolean[] {false, true}) {
        MatchTerms terms = MatchTerms.of(List.of(new QueryPart(query, phrase, false)));
        assertEquals(TokenForms.matchesAnalysingAll(text, terms), TokenForms.matches(text, terms), query + " / " + phrase);
      }
    }
  }

  @Test
  void runsLongerThanTheTokenizersLimitAreAnalysed() {
    String text = "x".repeat(300) + "deal " + "a".repeat(255) + "deal and deal";
    MatchTerms terms = MatchTerms.of(List.of(QueryPart.word("deal")));
    assertEquals(TokenForms.matchesAnalysingAll(text, terms), TokenForms.matches(text, terms));
  }
}
