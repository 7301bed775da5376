package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.BundledData;
import dev.dealarchive.embed.HashingEmbedderProvider;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected top results over the bundled sample articles: a change in ranking shows up here. */
class GoldenQueriesTest {
  @TempDir static Path temp;
  static Archive archive;

  @BeforeAll
  static void index() throws IOException {
    Path index = temp.resolve("index");
    // With (test) vectors: passage documents in the index must not change a single expected result.
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(new HashingEmbedderProvider())) {
      indexer.index(List.of(BundledData.folder()), IndexOptions.defaults(), IndexProgress.NONE);
    }
    archive = Archive.open(index);
  }

  @AfterAll
  static void close() throws IOException {
    archive.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "revenue share                     | microsoft-openai-2026-04-28",
        "Amazon Bedrock                    | microsoft-openai-2026-04-28",
        "\"intellectual property\" 2032    | microsoft-openai-2026-04-28",
        "Kestrel AWS exclusive             | kestrel-bio-aws-exclusive.txt",
        "wind forecasts                    | tag:partnerledger.example.com,2025:tidewater-fernwood",
        "Orison stake                      | sample-wire-2025-0204-orison-quarry",
        "cooking channel                   | sample-wire-2025-0611-brightfield-larkspur",
        "invoice matching                  | sample-wire-2025-1118-vantor-cobalt",
        "joint venture GCP                 | https://dealdesk.example.com/2025/09/helios-tidewater-jv",
        "inspection licence                | northwind-helios-inspection-licence.md",
        "series c                          | sample-wire-2025-0708-northwind-series-c",
        "title:fermentation                | tag:partnerledger.example.com,2026:brightfield-kestrel",
      })
  void topHit(String query, String expectedId) throws IOException {
    SearchResult result = archive.search(SearchRequest.of(query.strip(), 3));
    assertTrue(result.total() > 0, "no hits for " + query);
    assertEquals(expectedId, result.hits().get(0).id(), query);
  }

  @Test
  void sourceFilterMatchesTheWordsOfThePublishersName() throws IOException {
    SearchResult result = archive.search(SearchRequest.of("source:\"Sample Wire\"", 20));
    assertTrue(result.total() >= 5, "total " + result.total());
    result.hits().forEach(hit -> assertTrue(hit.source().startsWith("Sample Wire"), hit.source()));
  }

  @Test
  void equalScoresAreOrderedTheSameWayEveryTime() throws IOException {
    List<String> first = archive.search(SearchRequest.of("during:2025", 20)).hits().stream().map(SearchHit::id).toList();
    List<String> second = archive.search(SearchRequest.of("during:2025", 20)).hits().stream().map(SearchHit::id).toList();
    assertEquals(first, second);
  }

  @Test
  void indexOfAnotherSchemaVersionIsRefusedWithTheRebuildCommand(@TempDir Path folder) throws IOException {
    Path old = folder.resolve("old");
    try (FSDirectory directory = FSDirectory.open(old);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      writer.setLiveCommitData(Map.of("archive.schema", "1").entrySet());
      writer.commit();
    }
    IOException refused = assertThrows(IOException.class, () -> Archive.open(old));
    assertTrue(refused.getMessage().contains("archive index --full"), refused.getMessage());
  }
}
