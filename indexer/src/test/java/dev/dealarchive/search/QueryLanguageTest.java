package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLanguageTest {

  private static List<List<String>> groups(ParsedQuery query) {
    return query.required().stream()
        .map(g -> g.alternatives().stream().map(QueryPart::text).toList())
        .toList();
  }

  @Test
  void plainWordsAreEachRequired() {
    ParsedQuery query = QueryLanguage.parse("revenue share  Microsoft");
    assertEquals(List.of(List.of("revenue"), List.of("share"), List.of("Microsoft")), groups(query));
    assertTrue(query.notices().isEmpty());
  }

  @Test
  void quotedPhraseStaysOnePhrasePart() {
    ParsedQuery query = QueryLanguage.parse("\"revenue share\" openai");
    QueryPart phrase = query.required().get(0).alternatives().get(0);
    assertEquals("revenue share", phrase.text());
    assertTrue(phrase.phrase());
    assertFalse(query.required().get(1).alternatives().get(0).phrase());
  }

  @Test
  void minusExcludesWordsAndPhrases() {
    ParsedQuery query = QueryLanguage.parse("cloud -google -\"amazon bedrock\"");
    assertEquals(List.of(List.of("cloud")), groups(query));
    assertEquals(List.of("google", "amazon bedrock"), query.excluded().stream().map(QueryPart::text).toList());
    assertTrue(query.excluded().get(1).phrase());
  }

  @Test
  void hyphenInsideAWordIsNotAnExclusion() {
    ParsedQuery query = QueryLanguage.parse("non-exclusive licence");
    assertEquals(List.of(List.of("non-exclusive"), List.of("licence")), groups(query));
    assertTrue(query.excluded().isEmpty());
  }

  @Test
  void orJoinsTheWordsOnEitherSide() {
    ParsedQuery query = QueryLanguage.parse("cloud aws OR azure OR \"google cloud\"");
    assertEquals(List.of(List.of("cloud"), List.of("aws", "azure", "google cloud")), groups(query));
  }

  @Test
  void danglingOrIsSearchedAsAWordWithANotice() {
    ParsedQuery query = QueryLanguage.parse("OR cloud");
    assertEquals(List.of(List.of("or"), List.of("cloud")), groups(query));
    assertEquals(1, query.notices().size());
  }

  @Test
  void lowercaseOrIsAnOrdinaryWord() {
    ParsedQuery query = QueryLanguage.parse("gold or silver");
    assertEquals(3, query.required().size());
  }

  @Test
  void sourceAndTagFiltersAreLowerCasedAndNotSearchedAsWords() {
    ParsedQuery query = QueryLanguage.parse("source:Reuters tag:ACQ merger");
    assertEquals(List.of("reuters"), query.sources());
    assertEquals(List.of("acq"), query.tags());
    assertEquals(List.of(List.of("merger")), groups(query));
  }

  @Test
  void quotedSourceMayHaveSpaces() {
    ParsedQuery query = QueryLanguage.parse("source:\"Financial Times\" deal");
    assertEquals(List.of("financial times"), query.sources());
    assertEquals(List.of(List.of("deal")), groups(query));
  }

  @Test
  void titleFilterRestrictsTheWordToTitles() {
    ParsedQuery query = QueryLanguage.parse("title:openai");
    QueryPart part = query.required().get(0).alternatives().get(0);
    assertTrue(part.titleOnly());
    assertEquals("openai", part.text());
  }

  @Test
  void afterIsExclusiveOfItsDayAndBeforeIsExclusiveToo() {
    ParsedQuery query = QueryLanguage.parse("after:2026-04-01 before:2026-05-01");
    assertEquals(Instant.parse("2026-04-02T00:00:00Z"), query.from());
    assertEquals(Instant.parse("2026-05-01T00:00:00Z"), query.until());
    assertTrue(query.filtersOnly());
  }

  @Test
  void duringCoversAYearOrAMonth() {
    ParsedQuery year = QueryLanguage.parse("during:1987");
    assertEquals(Instant.parse("1987-01-01T00:00:00Z"), year.from());
    assertEquals(Instant.parse("1988-01-01T00:00:00Z"), year.until());
    ParsedQuery month = QueryLanguage.parse("during:2026-02");
    assertEquals(Instant.parse("2026-02-01T00:00:00Z"), month.from());
    assertEquals(Instant.parse("2026-03-01T00:00:00Z"), month.until());
  }

  @Test
  void badDateIsSearchedAsPlainWordsWithANotice() {
    ParsedQuery query = QueryLanguage.parse("after:2026-13-45 deal");
    assertNull(query.from());
    assertEquals(List.of(List.of("2026-13-45"), List.of("deal")), groups(query));
    assertTrue(query.notices().get(0).contains("not a date"));
  }

  @Test
  void unclosedQuoteFallsBackToPlainWords() {
    ParsedQuery query = QueryLanguage.parse("\"revenue share openai");
    assertEquals(List.of(List.of("revenue"), List.of("share"), List.of("openai")), groups(query));
    assertEquals(1, query.notices().size());
  }

  @Test
  void unknownFieldIsAPlainWord() {
    ParsedQuery query = QueryLanguage.parse("ratio:20 deal");
    assertEquals(List.of(List.of("ratio:20"), List.of("deal")), groups(query));
  }

  @Test
  void garbageNeverThrows() {
    for (String input :
        new String[] {"", "   ", "\"", "-", "--", "OR", "OR OR", ":", "title:", "source:\"", "-\"\"", "((", "\u0000"}) {
      QueryLanguage.parse(input);
    }
  }
}
