package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.search.LuceneQueries;
import dev.dealarchive.search.QueryLanguage;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class DslQueriesTest {
  private final ObjectMapper json = new ObjectMapper();

  private JsonNode dsl(String query) {
    return DslQueries.of(json, LuceneQueries.build(QueryLanguage.parse(query), LuceneQueries.Match.ALL));
  }

  @Test
  void wordsBecomeRequiredGroupsOfAnalysedTermsWithTheEmbeddedBoosts() {
    JsonNode bool = dsl("revenue sharing").path("bool");
    assertEquals(2, bool.path("must").size());
    JsonNode fields = bool.path("must").path(0).path("bool").path("should");
    assertEquals("revenu", fields.path(0).path("term").path("title").path("value").asText());
    assertEquals(2.0, fields.path(0).path("term").path("title").path("boost").asDouble(), 1e-6);
    assertEquals("revenu", fields.path(1).path("term").path("body").path("value").asText());
    assertEquals("revenue", fields.path(3).path("term").path("body_exact").path("value").asText());
    assertEquals(0.3, fields.path(3).path("term").path("body_exact").path("boost").asDouble(), 1e-6);
    assertEquals("share", bool.path("must").path(1).path("bool").path("should").path(1).path("term").path("body")
        .path("value").asText());
  }

  @Test
  void articlesAmongGivenIdsBecomeATermsQueryOnTheId() {
    JsonNode terms = DslQueries.of(json, new TermInSetQuery("id", List.of(new BytesRef("b"), new BytesRef("a"))))
        .path("terms").path("id");
    assertEquals(List.of("a", "b"), List.of(terms.path(0).asText(), terms.path(1).asText()));
  }

  @Test
  void phrasesAreSentAsTermsAtConsecutivePositionsForTheWhitespaceAnalyzer() {
    JsonNode should = dsl("\"Google Cloud\"").path("bool").path("must").path(0).path("bool").path("should");
    JsonNode phrase = should.path(1).path("match_phrase").path("body_exact");
    assertEquals("google cloud", phrase.path("query").asText());
    assertEquals(IndexSchema.TERMS_ANALYZER, phrase.path("analyzer").asText());
  }

  @Test
  void exclusionsFiltersAndDatesKeepTheirRoles() {
    JsonNode bool = dsl("deal -Google source:Reuters tag:acq after:2026-04-01 before:2026-05-01").path("bool");
    assertEquals(1, bool.path("must").size());
    assertEquals(1, bool.path("must_not").size());
    JsonNode filters = bool.path("filter");
    assertEquals(3, filters.size());
    assertEquals("reuters", filters.path(0).path("bool").path("should").path(0).path("term").path("source_key")
        .path("value").asText());
    assertEquals("acq", filters.path(1).path("term").path("tag_key").path("value").asText());
    JsonNode range = filters.path(2).path("range").path("published");
    assertEquals(1775088000000L, range.path("gte").asLong());
    assertEquals(1777593600000L - 1, range.path("lte").asLong());
  }

  @Test
  void orGroupsNeedOneAlternativeAndFilterOnlyQueriesMatchAll() {
    JsonNode group = dsl("AWS OR Azure").path("bool").path("must").path(0).path("bool");
    assertEquals(2, group.path("should").size());
    assertEquals(1, group.path("minimum_should_match").asInt());
    JsonNode filterOnly = dsl("tag:acq").path("bool");
    assertTrue(filterOnly.path("must").path(0).has("match_all"));
  }

  @Test
  void everyArticleOfTheEmbeddedIndexIsEveryDocumentOfTheCluster() {
    // The answer engine's query for a filter-only question excludes the embedded index's passage documents.
    assertTrue(DslQueries.of(json, ArticleBlocks.articles()).has("match_all"));
    assertThrows(IllegalArgumentException.class, () -> DslQueries.of(json, new FieldExistsQuery("body")));
  }

  @Test
  void combinedFieldQueriesKeepTheirFieldWeights() {
    CombinedFieldQuery query =
        new CombinedFieldQuery.Builder("licens").addField("title", 2f).addField("body", 1f).build();
    JsonNode node = DslQueries.of(json, query).path("combined_fields");
    assertEquals("licens", node.path("query").asText());
    List<String> fields = IndexSchema.strings(node.path("fields"));
    assertEquals(Map.of("body", true, "title^2.0", true),
        Map.of(fields.get(0), true, fields.get(1), true));
  }

  @Test
  void sloppyPhrasesKeepTheirSlop() {
    JsonNode node = DslQueries.of(json, new PhraseQuery(3, "body", "openai", "microsoft"));
    assertEquals(3, node.path("match_phrase").path("body").path("slop").asInt());
  }

  @Test
  void anUnknownQueryIsAProgrammingErrorNamingItsClass() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DslQueries.of(json, TermRangeQuery.newStringRange("id", "a", "b", true, true)));
    assertTrue(e.getMessage().contains("TermRangeQuery"), e.getMessage());
    assertEquals("id", new Term("id", "x").field());
  }
}
