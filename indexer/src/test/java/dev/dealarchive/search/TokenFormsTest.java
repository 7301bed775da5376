package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One pass must give the same exact and stemmed tokens as the two analyzers the index is written with. */
class TokenFormsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Microsoft's revenue-sharing deals with OpenAI’s partners were RENEWED in 2026.",
        "The COMPANY'S shares, the Companies’ stakes and JAMES'S house: it's theirs; ＇s and 's alone.",
        "Café Zürich déjà vu naïve Ærø façade — straße ﬁnancing",
        "a an and are as at be but by for if in into is it no not of on or such that the their then there these",
        "U.S. A320 3.5% $1.2bn mln pct dlrs e-mail co-operation x's s's",
        "",
        "running runs ran generously relational conditional hopping hoping agreed feed sky skies ies"
      })
  void matchesTheTwoAnalyzers(String text) {
    List<TextAnalysis.Token> exact = TextAnalysis.exactTokens(text);
    List<TextAnalysis.Token> stems = TextAnalysis.stemTokens(text);
    List<TokenForms.Token> forms = TokenForms.of(text);
    assertEquals(exact.size(), forms.size());
    List<TextAnalysis.Token> derivedStems = new ArrayList<>();
    for (int i = 0; i < forms.size(); i++) {
      TokenForms.Token token = forms.get(i);
      assertEquals(exact.get(i), new TextAnalysis.Token(token.exact(), token.start(), token.end()));
      if (token.stem() != null) {
        derivedStems.add(new TextAnalysis.Token(token.stem(), token.start(), token.end()));
      }
    }
    assertEquals(stems, derivedStems);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Microsoft's revenue-sharing deals with OpenAI’s partners were RENEWED in 2026; the deal's terms.",
        "Skies, sky, ies; relational relate; agreed agree feed; hopping hoping; generously generous. A I.",
        "Café CAFE cafe's; Zürich zurich; it's the IT of it"
      })
  void matchesMarkWhatTwoAnalysesWouldMark(String text) {
    for (String query : new String[] {"deal", "sky relational", "agreed hopping generous", "cafe zurich", "it"}) {
      for (boolean phrase : new boolean[] {false, true}) {
        MatchTerms terms = MatchTerms.of(List.of(new QueryPart(query, phrase, false)));
        assertEquals(twoPassMatches(text, terms), TokenForms.matches(text, terms), query + " / " + phrase);
      }
    }
  }

  /** The marking as it was done before: stemmed tokens, then exact tokens at other places, by position. */
  private static List<Passages.Match> twoPassMatches(String text, MatchTerms terms) {
    List<Passages.Match> matches = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    for (TextAnalysis.Token token : TextAnalysis.stemTokens(text)) {
      if (terms.stems().contains(token.term())) {
        matches.add(new Passages.Match(token.start(), token.end(), token.term()));
        starts.add(token.start());
      }
    }
    for (TextAnalysis.Token token : TextAnalysis.exactTokens(text)) {
      if (terms.exact().contains(token.term()) && !starts.contains(token.start())) {
        matches.add(new Passages.Match(token.start(), token.end(), token.term()));
      }
    }
    matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return matches;
  }
}
