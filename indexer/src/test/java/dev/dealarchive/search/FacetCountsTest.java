package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealarchive.Archive;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facet counts over a few articles written for the test. */
class FacetCountsTest {
  @TempDir static Path temp;
  static Archive archive;

  @BeforeAll
  static void index() throws IOException {
    Path input = temp.resolve("articles.jsonl");
    Files.writeString(
        input,
        String.join(
            "\n",
            line("a1", "Cloud deal one", "Alpha Wire", "2025-01-10T08:00:00Z", "[\"Cloud\", \"licensing\"]"),
            line("a2", "Cloud deal two", "Alpha Wire", "2025-01-20T08:00:00Z", "[\"cloud\"]"),
            line("a3", "Cloud deal three", "Beta News", "2026-03-05T08:00:00Z", "[\"cloud\", \"energy\"]"),
            line("a4", "Battery venture", "Beta News", "2026-03-06T08:00:00Z", "[\"energy\"]")),
        StandardCharsets.UTF_8);
    Path index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(input), IndexOptions.defaults(), IndexProgress.NONE);
    }
    archive = Archive.open(index);
  }

  private static String line(String id, String title, String source, String date, String tags) {
    return "{\"id\": \"%s\", \"title\": \"%s\", \"body\": \"%s. A partnership between two companies.\", \"source\": \"%s\", \"published\": \"%s\", \"tags\": %s}"
        .formatted(id, title, title, source, date, tags);
  }

  @AfterAll
  static void close() throws IOException {
    archive.close();
  }

  @Test
  void countsMatchingArticlesPerSourceTagYearAndMonth() throws IOException {
    Facets facets = archive.facets("cloud", 10);
    assertEquals(List.of(new Facets.Count("Alpha Wire", 2), new Facets.Count("Beta News", 1)), facets.sources());
    assertEquals(
        List.of(new Facets.Count("cloud", 3), new Facets.Count("energy", 1), new Facets.Count("licensing", 1)),
        facets.tags());
    assertEquals(List.of(new Facets.Count("2025", 2), new Facets.Count("2026", 1)), facets.years());
    assertEquals(List.of(new Facets.Count("2025-01", 2), new Facets.Count("2026-03", 1)), facets.months());
  }

  @Test
  void filtersNarrowTheCountsAsTheyNarrowTheSearch() throws IOException {
    Facets facets = archive.facets("partnership tag:energy", 10);
    assertEquals(List.of(new Facets.Count("Beta News", 2)), facets.sources());
    assertEquals(List.of(new Facets.Count("2026", 2)), facets.years());
    assertEquals(archive.search(SearchRequest.of("partnership tag:energy", 10)).total(), 2);
  }

  @Test
  void countsTheArticlesTheSearchShowsWhenItFallsBackToAnyWord() throws IOException {
    // No article has both words: the search shows those with either, and so do the facets.
    SearchResult result = archive.search(SearchRequest.of("battery three", 10));
    Facets facets = archive.facets("battery three", 10);
    assertEquals(2, result.total());
    assertEquals(2, facets.years().stream().mapToLong(Facets.Count::count).sum());
  }

  @Test
  void listsAtMostTheLargestValues() throws IOException {
    assertEquals(List.of(new Facets.Count("cloud", 3)), archive.facets("cloud", 1).tags());
  }

  @Test
  void hasNoCountsForAQueryWithNothingToSearchFor() throws IOException {
    assertEquals(Facets.empty(), archive.facets("   ", 10));
    assertEquals(Facets.empty(), archive.facets("nosuchword", 10));
  }
}
