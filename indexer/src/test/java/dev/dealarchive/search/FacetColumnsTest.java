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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Facets counted from the per-segment columns follow the index as articles change, and closed segments let go. */
class FacetColumnsTest {
  @TempDir Path temp;

  @Test
  void countsFollowUpdatedDeletedAndUndatedArticlesAcrossRefreshes() throws IOException {
    Path input = temp.resolve("articles.jsonl");
    Path index = temp.resolve("index");
    int keptBefore = FacetColumns.kept();
    write(input,
        line("a1", "Cloud deal one", "Alpha Wire", "\"2025-01-10T08:00:00Z\"", "[\"cloud\", \"licensing\"]"),
        line("a2", "Cloud deal two", "Alpha Wire", "\"2025-01-20T08:00:00Z\"", "[\"cloud\"]"),
        line("a3", "Cloud deal three", "Beta News", "\"2026-03-05T08:00:00Z\"", "[]"));
    sync(index, input);
    try (Archive archive = Archive.open(index)) {
      Facets first = archive.facets("cloud", 10);
      assertEquals(List.of(new Facets.Count("Alpha Wire", 2), new Facets.Count("Beta News", 1)), first.sources());
      assertEquals(List.of(new Facets.Count("cloud", 2), new Facets.Count("licensing", 1)), first.tags());
      assertEquals(List.of(new Facets.Count("2025-01", 2), new Facets.Count("2026-03", 1)), first.months());

      // a1 moves to another source, tag and month, a2 goes, a4 comes without a date: the refreshed searcher mixes
      // the old segment (with deletions) and a new one, each counted from its own columns.
      write(input,
          line("a1", "Cloud deal one", "Gamma Post", "\"2024-12-31T23:30:00Z\"", "[\"energy\"]"),
          line("a3", "Cloud deal three", "Beta News", "\"2026-03-05T08:00:00Z\"", "[]"),
          line("a4", "Cloud deal four", "Beta News", "null", "[\"cloud\", \"energy\"]"));
      sync(index, input);
      archive.refresh();
      Facets second = archive.facets("cloud", 10);
      assertEquals(List.of(new Facets.Count("Beta News", 2), new Facets.Count("Gamma Post", 1)), second.sources());
      assertEquals(List.of(new Facets.Count("energy", 2), new Facets.Count("cloud", 1)), second.tags());
      assertEquals(List.of(new Facets.Count("2024-12", 1), new Facets.Count("2026-03", 1)), second.months());
      assertEquals(List.of(new Facets.Count("2024", 1), new Facets.Count("2026", 1)), second.years());
    }
    assertEquals(keptBefore, FacetColumns.kept(), "columns of closed segments are dropped");
  }

  private static void sync(Path index, Path input) throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(input), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static void write(Path file, String... lines) throws IOException {
    Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
  }

  private static String line(String id, String title, String source, String date, String tags) {
    return ("{\"id\": \"%s\", \"title\": \"%s\", \"body\": \"%s. A partnership between two companies.\","
            + " \"source\": \"%s\", \"published\": %s, \"tags\": %s}")
        .formatted(id, title, title, source, date, tags);
  }
}
