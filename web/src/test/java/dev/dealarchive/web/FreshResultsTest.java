package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server reuses searches, facets and answers only while the index is unchanged: an article committed and made
 * visible by a refresh shows at once in results, facets, timeline and answers, for requests made before it too.
 */
class FreshResultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @Test
  void aNewArticleAppearsInResultsAndFacetsAfterTheRefresh() throws Exception {
    try (WebFixture web = WebFixture.start(temp, WebSettings.loopback(0))) {
      String search = "/api/search?q=quokka";
      String page = "/?q=quokka";
      String ask = "/api/ask?q=" + SearchState.encode("Who licensed the quokka patents?");
      JsonNode before = json(web.get(search));
      assertEquals(0, before.get("total").asLong(), before.toString());
      assertEquals(before, json(web.get(search)), "asked twice, answered the same");
      assertTrue(body(web.get(page)).contains("No article matches."));
      String answerBefore = body(web.get(ask));
      assertFalse(answerBefore.contains("quokka-1"), answerBefore);
      assertTrue(web.server.cacheStats().hits() > 0, "the repeated search was reused: " + web.server.cacheStats());

      Path article = temp.resolve("quokka.jsonl");
      Files.writeString(article,
          "{\"id\": \"quokka-1\", \"title\": \"Marsupial Wire licenses quokka patents\", \"body\": \"Marsupial Labs "
              + "licensed its quokka patents to Acme Bio under a quokka licence.\", \"source\": \"Marsupial Wire\", "
              + "\"published\": \"2024-06-01T00:00:00Z\", \"tags\": [\"licensing\"]}\n",
          StandardCharsets.UTF_8);
      try (ArchiveIndexer indexer = ArchiveIndexer.open(web.index)) {
        indexer.index(List.of(article), IndexOptions.defaults(), IndexProgress.NONE);
      }
      web.archive.refresh();

      JsonNode after = json(web.get(search));
      assertEquals(1, after.get("total").asLong(), after.toString());
      assertEquals("quokka-1", after.get("hits").get(0).get("id").asText());
      JsonNode facets = after.get("facets");
      assertEquals("Marsupial Wire", facets.get("source").get(0).get("value").asText(), facets.toString());
      assertEquals("2024", facets.get("year").get(0).get("value").asText(), facets.toString());
      assertEquals("2024-06", facets.get("month").get(0).get("value").asText(), facets.toString());
      String html = body(web.get(page));
      assertTrue(html.contains("quokka-1"), "the page lists the new article");
      assertTrue(html.contains("data-value=\"Marsupial Wire\""), "the facets count it");
      assertTrue(html.contains("id=\"timeline\""), "the timeline counts it");
      assertTrue(body(web.get(ask)).contains("quokka-1"), "the answer cites it");
    }
  }

  @Test
  void resultsAreReusedWhileTheVersionHoldsAndNeverWithoutOne() throws IOException {
    CountingArchive counting = new CountingArchive();
    WebArchive cached = CachedReads.over(counting, 2);
    SearchRequest cloud = SearchRequest.of("cloud", 10);
    SearchResult first = cached.search(cloud);
    assertSame(first, cached.search(cloud));
    assertEquals(1, counting.reads.get());
    cached.facets("cloud", 20);
    cached.facets("cloud", 20);
    cached.ask("who?", 3);
    assertEquals(3, counting.reads.get(), "facets and answers are kept too");

    cached.search(SearchRequest.of("storage", 10)); // evicts the least recently used of two
    cached.search(SearchRequest.of("licence", 10));
    cached.search(cloud);
    assertEquals(6, counting.reads.get(), "only the newest entries are kept");

    counting.version = "v2";
    assertNotSame(first, cached.search(cloud), "a new version reads again");
    assertEquals(7, counting.reads.get());

    counting.version = null;
    cached.search(cloud);
    cached.search(cloud);
    assertEquals(9, counting.reads.get(), "without a version nothing is reused");
    assertEquals(new CachedReads.Stats(2, 7), CachedReads.stats(cached), "reads without a version are not counted");
    assertSame(counting, CachedReads.over(counting, 0), "0 entries keeps nothing");
  }

  @Test
  void atTheDefaultBoundTheLeastRecentlyUsedEntryGoesFirstAndNoOther() throws IOException {
    CountingArchive counting = new CountingArchive();
    int bound = WebSettings.CACHE_ENTRIES;
    WebArchive cached = CachedReads.over(counting, bound);
    for (int i = 0; i < bound; i++) {
      cached.search(SearchRequest.of("query " + i, 10));
    }
    cached.search(SearchRequest.of("query 0", 10)); // used again: now the most recent
    assertEquals(bound, counting.reads.get(), "the bound's worth of entries is kept");

    cached.search(SearchRequest.of("query " + bound, 10)); // one more than the bound
    assertEquals(bound + 1, counting.reads.get());
    cached.search(SearchRequest.of("query 0", 10));
    for (int i = 2; i <= bound; i++) {
      cached.search(SearchRequest.of("query " + i, 10));
    }
    assertEquals(bound + 1, counting.reads.get(), "every entry but the least recently used is still kept");
    cached.search(SearchRequest.of("query 1", 10));
    assertEquals(bound + 2, counting.reads.get(), "the least recently used one was dropped");
    assertEquals(new CachedReads.Stats(1 + bound, bound + 2), CachedReads.stats(cached));
  }

  @Test
  void aSearchReadWithItsFacetsKeepsBothForThePagesThatFollow() throws IOException {
    CountingArchive counting = new CountingArchive();
    WebArchive cached = CachedReads.over(counting, 16);
    SearchRequest cloud = SearchRequest.of("cloud", 10);
    FacetedResult first = cached.searchWithFacets(cloud, 20);
    assertEquals(1, counting.together.get(), "read together when neither is kept");
    assertSame(first.result(), cached.search(cloud));
    assertSame(first.facets(), cached.facets("cloud", 20));
    assertSame(first.result(), cached.searchWithFacets(cloud, 20).result());
    assertEquals(2, counting.reads.get(), "both kept: the search and the facets were each read once");

    // Page 2 of the same query: a new search, the facets reused.
    FacetedResult page2 = cached.searchWithFacets(new SearchRequest("cloud", 10, 10, SortOrder.RELEVANCE), 20);
    assertSame(first.facets(), page2.facets());
    assertEquals(3, counting.reads.get());
    assertEquals(1, counting.together.get(), "only the search is read");
    assertEquals(new CachedReads.Stats(5, 3), CachedReads.stats(cached));

    counting.version = "v2";
    assertNotSame(first.facets(), cached.searchWithFacets(cloud, 20).facets(), "a new version reads both again");
    assertEquals(2, counting.together.get());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static String body(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  /** Answers every read with a new object and counts the reads. */
  private static final class CountingArchive implements WebArchive {
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger together = new AtomicInteger();
    Object version = "v1";

    @Override
    public FacetedResult searchWithFacets(SearchRequest request, int maxValues) {
      together.incrementAndGet();
      return new FacetedResult(search(request), facets(request.query(), maxValues));
    }

    @Override
    public SearchResult search(SearchRequest request) {
      reads.incrementAndGet();
      return new SearchResult(request.query(), 0, List.of(), List.of(), 0);
    }

    @Override
    public AskResult ask(String question, int limit) {
      reads.incrementAndGet();
      return new AskResult(question, null, null, List.of(), null, List.of(), 0);
    }

    @Override
    public Facets facets(String query, int maxValues) {
      reads.incrementAndGet();
      return Facets.empty();
    }

    @Override
    public Optional<Article> article(String id) {
      return Optional.empty();
    }

    @Override
    public Map<String, Object> statsJson() {
      return Map.of();
    }

    @Override
    public long articleCount() {
      return 0;
    }

    @Override
    public Object readVersion() {
      return version;
    }
  }
}
