package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Term statistics kept per reader across searches give every search the scores a search of its own would: after a
 * refresh (other statistics), from many threads at once, and they are let go when the reader closes.
 */
class SharedTermStatesTest {
  private static final List<String> QUERIES =
      List.of("cloud", "cloud deal", "exclusive licence", "cloud OR licence", "\"cloud deal\"", "deal -exclusive",
          "licence revenue share", "nosuchword cloud");

  @TempDir Path temp;

  @Test
  void aRefreshedArchiveScoresWithTheNewStatisticsAsAFreshOneDoes() throws IOException {
    Path input = temp.resolve("articles.jsonl");
    Path index = temp.resolve("index");
    int keptBefore = SharedTermStates.readersKept();
    write(input, articles(0, 40));
    sync(index, input);
    try (Archive archive = Archive.open(index)) {
      List<List<SearchHit>> before = searchAll(archive);
      // Many more articles say "cloud": its document frequency, so every cloud score, changes.
      write(input, articles(0, 40), articles(40, 200));
      sync(index, input);
      archive.refresh();
      List<List<SearchHit>> refreshed = searchAll(archive);
      try (Archive fresh = Archive.open(index)) {
        assertEquals(searchAll(fresh), refreshed);
      }
      assertNotEquals(before.get(0).get(0).score(), refreshed.get(0).get(0).score(), "the statistics changed");
    }
    assertEquals(keptBefore, SharedTermStates.readersKept(), "statistics of closed readers are dropped");
  }

  @Test
  void searchesFromManyThreadsScoreAsOneThreadAlone() throws Exception {
    Path index = indexOf(300);
    List<SearchResult> expected = new ArrayList<>();
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader alone = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(alone);
      for (String query : QUERIES) {
        expected.add(ArticleSearch.search(searcher, SearchRequest.of(query, 10)));
      }
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader shared = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(shared);
      List<Future<List<SearchResult>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        runs.add(threads.submit(() -> {
          List<SearchResult> results = new ArrayList<>();
          for (int round = 0; round < 20; round++) {
            for (int q = 0; q < QUERIES.size(); q++) {
              String query = QUERIES.get((q + offset) % QUERIES.size());
              results.add(ArticleSearch.search(searcher, SearchRequest.of(query, 10)));
            }
          }
          return results;
        }));
      }
      for (int t = 0; t < runs.size(); t++) {
        List<SearchResult> results = runs.get(t).get();
        for (int i = 0; i < results.size(); i++) {
          SearchResult want = expected.get((i + t) % QUERIES.size());
          assertEquals(want.hits(), results.get(i).hits(), want.query());
          assertEquals(want.total(), results.get(i).total(), want.query());
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aReaderKeepsNoMoreTermsThanItsBudget() throws IOException {
    Path index = indexOf(20);
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      int max = SharedTermStates.maxTerms(reader);
      SearchResult cloud = ArticleSearch.search(searcher, SearchRequest.of("cloud deal", 10));
      // Each word is four terms (title and body, stemmed and exact): enough words to pass the budget twice.
      for (int i = 0; i < max / 2 + 10; i++) {
        ArticleSearch.search(searcher, SearchRequest.of("word" + i, 10));
        assertTrue(SharedTermStates.termsKept(searcher) <= max, "kept " + SharedTermStates.termsKept(searcher));
      }
      assertEquals(cloud, withoutDuration(ArticleSearch.search(searcher, SearchRequest.of("cloud deal", 10)), cloud));
    }
  }

  /** {@code result} with the duration of {@code like}, so two results of the same search compare equal. */
  private static SearchResult withoutDuration(SearchResult result, SearchResult like) {
    return new SearchResult(result.query(), result.total(), result.totalIsLowerBound(), result.hits(), result.notices(),
        like.tookNanos());
  }

  /** An index of the first {@code count} articles. */
  private Path indexOf(int count) throws IOException {
    Path input = temp.resolve("articles.jsonl");
    Path index = temp.resolve("index");
    write(input, articles(0, count));
    sync(index, input);
    return index;
  }

  private static List<List<SearchHit>> searchAll(Archive archive) throws IOException {
    List<List<SearchHit>> hits = new ArrayList<>();
    for (String query : QUERIES) {
      hits.add(archive.search(SearchRequest.of(query, 10)).hits());
    }
    return hits;
  }

  /** Articles {@code from} to {@code to - 1}, as JSON lines; every fifth is about cloud, every third exclusive. */
  private static String articles(int from, int to) {
    List<String> lines = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String words = (i % 5 == 0 || i >= 40 ? "cloud deal " : "supply deal ") + (i % 3 == 0 ? "exclusive " : "")
          + "licence revenue share ".repeat(1 + i % 3);
      lines.add("{\"id\": \"a%d\", \"title\": \"Deal %d\", \"body\": \"A %s number %d.\", \"source\": \"Wire\"}"
          .formatted(i, i, words, i));
    }
    return String.join("\n", lines);
  }

  private static void sync(Path index, Path input) throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(input), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static void write(Path file, String... parts) throws IOException {
    Files.writeString(file, String.join("\n", parts), StandardCharsets.UTF_8);
  }
}
