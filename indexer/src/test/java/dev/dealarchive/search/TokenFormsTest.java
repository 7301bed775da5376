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
}
