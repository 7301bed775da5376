package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.indexing.Schema2Index;
import dev.dealarchive.indexing.SchemaUpgrade;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The archive on a real three-node OpenSearch cluster (2 shards, 1 replica), started from Maven artifacts: the
 * bundled {@code data/} gives the same ids, search results and answers as the embedded index; the archive keeps
 * answering with every article while a node is down; a node killed during a bulk run loses nothing once the command
 * is run again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchClusterTest {
  /** The query-language examples of the README and docs/commands.md, with their sort order. */
  static final List<SearchRequest> EXAMPLES =
      List.of(
          SearchRequest.of("revenue share", 10),
          new SearchRequest("\"revenue share\" -Google after:2026-04-01", 20, 0, SortOrder.NEWEST),
          SearchRequest.of("cloud AWS OR Azure OR \"Google Cloud\"", 10),
          SearchRequest.of("title:OpenAI source:Reuters tag:acq during:1987", 10),
          new SearchRequest("after:2026-04-01 before:2026-05-01", 20, 0, SortOrder.NEWEST),
          SearchRequest.of("licence exclusive", 10),
          SearchRequest.of("revenue share", 3),
          new SearchRequest("revenue share", 3, 3, SortOrder.RELEVANCE),
          SearchRequest.of("\"Google Cloud\" -Microsoft", 10),
          SearchRequest.of("source:\"Sample Wire\"", 10),
          SearchRequest.of("exclusiv OR licens", 10));

  /** Questions over data/: the README's revenue-share question first. */
  static final List<String> QUESTIONS =
      List.of(
          "How much revenue share does OpenAI pay Microsoft?",
          "Is Microsoft still OpenAI's only cloud provider?",
          "Until when is the IP licence non-exclusive?",
          "Who licenses inspection software to Helios?",
          "What did Kestrel Bio agree with AWS?",
          "latest cloud deal",
          "How much revenu share does OpenAI pay Microsfot?",
          "joint venture Tidewater");

  static final String REVENUE_SHARE = QUESTIONS.get(0);

  @TempDir static Path base;
  static ClusterAndEmbedded engines;
  static TestCluster cluster;
  static EmbeddedEngine embedded;

  @BeforeAll
  static void startCluster() throws Exception {
    engines = ClusterAndEmbedded.start(base, 3, TestCluster.Distribution.OPENSEARCH_3);
    cluster = engines.cluster();
    embedded = engines.embedded();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  static OpenSearchEngine engine(String index, Path workDir, String urls) throws IOException {
    ClusterConfig config = new ClusterConfig(ClusterConfig.parseUrls(urls), index, null, null);
    return OpenSearchEngine.open(config, EngineSettings.of(workDir).withEnvironment(Map.of()), 2, 1);
  }

  static Set<String> ids(ArchiveEngine engine) throws IOException {
    Set<String> ids = new TreeSet<>();
    engine.forEachArticle(article -> ids.add(article.id()));
    return ids;
  }

  @Test
  @Order(1)
  void bundledDataGivesTheSameIdsSearchesAndStatsOnBothEngines() throws Exception {
    try (OpenSearchEngine os = engine("parity", base.resolve("parity-copy"), cluster.urls())) {
      IndexSummary summary = os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      assertTrue(summary.added() > 0, summary.toString());
      Set<String> expected = ids(embedded);
      assertEquals(expected, ids(os));
      assertEquals(embedded.articleCount(), os.articleCount());

      for (SearchRequest request : EXAMPLES) {
        SearchResult mine = os.search(request);
        SearchResult theirs = embedded.search(request);
        String what = request.query() + " " + request.sort() + " offset " + request.offset();
        assertEquals(idsOf(theirs), idsOf(mine), what);
        assertEquals(theirs.total(), mine.total(), what);
        assertEquals(theirs.notices(), mine.notices(), what);
        for (int i = 0; i < mine.hits().size(); i++) {
          SearchHit a = theirs.hits().get(i);
          SearchHit b = mine.hits().get(i);
          assertEquals(a.snippet(), b.snippet(), what);
          assertEquals(a.score(), b.score(), Math.max(1e-3, a.score() * 1e-3), what + " score of " + a.id());
        }
      }
      assertFalse(os.search(SearchRequest.of("revenue share", 10)).hits().isEmpty());

      for (String question : QUESTIONS) {
        AskResult mine = os.ask(question, 5);
        AskResult theirs = embedded.ask(question, 5);
        assertEquals(theirs.correctedQuestion(), mine.correctedQuestion(), question);
        assertEquals(theirs.answer() == null, mine.answer() == null, question);
        if (theirs.answer() != null) {
          assertEquals(theirs.answer().article().id(), mine.answer().article().id(), question);
          assertEquals(theirs.answer().passage(), mine.answer().passage(), question);
        }
        assertEquals(theirs.hits().stream().map(SearchHit::id).toList(),
            mine.hits().stream().map(SearchHit::id).toList(), question);
      }
      assertTrue(os.ask(REVENUE_SHARE, 5).answer().passage().text().contains("20%"));
      // The node assembled from Maven has no k-NN plugin: answers are by words alone, as the engine says once.
      assertFalse(os.client().plugins().contains(ClusterAnswers.KNN_PLUGIN), os.client().plugins().toString());

      for (String query : List.of("revenue share", "cloud AWS OR Azure OR \"Google Cloud\"", "after:2025-01-01",
          "tag:cloud", "licence exclusive", "")) {
        assertEquals(embedded.facets(query, 10), os.facets(query, 10), "facets of " + query);
        assertEquals(embedded.facets(query, 2), os.facets(query, 2), "two facets of " + query);
      }

      // Followed queries and digests search among the articles committed since the bot looked.
      List<String> among = List.copyOf(expected).subList(0, Math.min(6, expected.size()));
      for (String query : List.of("", "cloud", "revenue share", "source:\"Sample Wire (fictional)\"")) {
        SearchResult theirs = embedded.searchAmong(query, among, 10);
        SearchResult mine = os.searchAmong(query, among, 10);
        assertEquals(idsOf(theirs), idsOf(mine), "among, " + query);
        assertEquals(theirs.total(), mine.total(), "among, " + query);
      }

      ArchiveStats mine = os.stats();
      ArchiveStats theirs = embedded.stats();
      assertEquals(theirs.articles(), mine.articles());
      assertEquals(theirs.sources(), mine.sources());
      assertEquals(theirs.oldest(), mine.oldest());
      assertEquals(theirs.newest(), mine.newest());
      assertNotNull(mine.lastUpdate());

      IndexSummary again = os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(0, again.added(), again.toString());
      assertEquals(expected, ids(os));
    }
    // archive remove: the input is forgotten and its articles leave the cluster too (an index of its own, since the
    // tests after this one read the parity index).
    try (OpenSearchEngine removal = engine("removal", base.resolve("removal-copy"), cluster.urls())) {
      long stored =
          removal.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE).added();
      assertTrue(stored > 0);
      try (ArchiveWriter writer = removal.openWriter()) {
        IndexSummary removed = writer.remove(ClusterAndEmbedded.DATA.toString());
        assertEquals(stored, removed.deleted(), removed.toString());
      }
      removal.refresh();
      assertEquals(Set.of(), ids(removal));
      assertEquals(List.of(), removal.recordedInputs());
    }
  }

  static List<String> idsOf(SearchResult result) {
    return result.hits().stream().map(SearchHit::id).toList();
  }

  @Test
  @Order(2)
  void searchStillFindsEveryArticleWithOneNodeStopped() throws Exception {
    String urls = cluster.allUrls();
    try (OpenSearchEngine os = engine("parity", base.resolve("parity-copy"), urls)) {
      Set<String> expected = ids(embedded);
      cluster.stop(2);
      try {
        assertEquals(expected, ids(os));
        SearchResult result = os.search(SearchRequest.of("revenue share", 10));
        assertEquals(idsOf(embedded.search(SearchRequest.of("revenue share", 10))), idsOf(result));
        assertEquals(expected.size(), os.articleCount());
        AskResult answer = os.ask(REVENUE_SHARE, 5);
        assertEquals(embedded.ask(REVENUE_SHARE, 5).answer().passage(), answer.answer().passage());
      } finally {
        cluster.restart(2);
      }
      assertEquals(expected, ids(os));
    }
  }

  @Test
  @Order(3)
  void aNodeKilledDuringABulkRunLosesNothingOnceTheCommandRunsAgain() throws Exception {
    Path corpus = base.resolve("bulk-corpus");
    Files.createDirectories(corpus);
    Set<String> expected = writeCorpus(corpus.resolve("wire.jsonl"), 6000);
    Path copy = base.resolve("bulk-copy");
    java.util.concurrent.atomic.AtomicLong storedWhenKilled = new java.util.concurrent.atomic.AtomicLong(-1);
    Thread killer = new Thread(() -> {
      try {
        // Kill once the first articles have reached the cluster, i.e. in the middle of the bulk run.
        long deadline = System.nanoTime() + 120_000_000_000L;
        long stored = 0;
        while (System.nanoTime() < deadline && (stored = count("bulk")) < 500) {
          Thread.sleep(20);
        }
        storedWhenKilled.set(stored);
        cluster.kill(1);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, "node-killer");
    String urls = cluster.allUrls();
    killer.start();
    try (OpenSearchEngine os = engine("bulk", copy, urls)) {
      try {
        os.index(List.of(corpus), IndexOptions.defaults(), IndexProgress.NONE);
      } catch (IOException lostOnTheWay) {
        // Allowed: the run may fail when the node goes; the rerun must finish the job.
      }
    }
    killer.join();
    assertTrue(storedWhenKilled.get() < expected.size(), "killed after the run: " + storedWhenKilled.get());
    try (OpenSearchEngine os = engine("bulk", copy, urls)) {
      os.index(List.of(corpus), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(expected, ids(os));
      assertEquals(expected.size(), os.articleCount());
    }
    cluster.restart(1);
  }

  /** Documents the cluster holds in {@code index} right now (0 while it does not exist). */
  static long count(String index) {
    try (ClusterClient client = ClusterClient.connect(
        new ClusterConfig(ClusterConfig.parseUrls(cluster.urls()), index, null, null))) {
      ClusterClient.Reply reply = client.send("GET", "/" + index + "/_count", Map.of(), null);
      return reply.ok() ? reply.body().path("count").asLong() : 0;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  static Set<String> writeCorpus(Path file, int articles) throws IOException {
    Set<String> ids = new TreeSet<>();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < articles; i++) {
      String id = "wire-" + i;
      ids.add(id);
      lines.add("{\"id\":\"" + id + "\",\"title\":\"Partner deal number " + i + "\",\"body\":\"Company " + i
          + " licenses its platform to partner " + (i * 7 % 1000) + " for a revenue share of " + (i % 30)
          + " percent.\",\"published\":\"2026-0" + (1 + i % 9) + "-1" + (i % 9) + "\",\"source\":\"Bulk Wire\"}");
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    return ids;
  }

  @Test
  @Order(4)
  void anIndexOfAnotherSchemaIsRefusedWithTheCommandThatMovesIt() throws Exception {
    try (ClusterClient client = ClusterClient.connect(
        new ClusterConfig(ClusterConfig.parseUrls(cluster.urls()), "old", null, null))) {
      var body = client.object();
      body.putObject("mappings").putObject("_meta").put("archive_schema", "1.0");
      client.call("PUT", "/old", body);
    }
    IOException e = assertThrows(IOException.class, () -> engine("old", base.resolve("old-copy"), cluster.urls()));
    assertTrue(e.getMessage().contains("archive schema 1.0"), e.getMessage());
    assertTrue(e.getMessage().contains("archive migrate"), e.getMessage());
  }

  @Test
  @Order(5)
  void migrateCopiesTheEmbeddedArchiveIntoTheClusterAndBackWithTheSameIds() throws Exception {
    Path embeddedDir = base.resolve("embedded");
    StringWriter out = new StringWriter();
    CommandLine toCluster = new CommandLine(new MigrateCommand());
    toCluster.setOut(new PrintWriter(out));
    int code = toCluster.execute("--from", embeddedDir.toString(), "--to", cluster.urls(), "--to-index", "migrated",
        "--shards", "2", "--replicas", "1");
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("both sides hold the same"), out.toString());
    Set<String> expected = ids(embedded);
    try (OpenSearchEngine os = engine("migrated", base.resolve("migrated-copy"), cluster.urls())) {
      assertEquals(expected, ids(os));
      assertEquals(idsOf(embedded.search(SearchRequest.of("revenue share", 10))),
          idsOf(os.search(SearchRequest.of("revenue share", 10))));
    }
    Path back = base.resolve("back");
    int again = new CommandLine(new MigrateCommand()).execute(
        "--from", cluster.urls(), "--from-index", "migrated", "--to", back.toString());
    assertEquals(0, again);
    try (EmbeddedEngine copy = EmbeddedEngine.open(back)) {
      assertEquals(expected, ids(copy));
      assertEquals(embedded.ask(REVENUE_SHARE, 5).answer().passage(), copy.ask(REVENUE_SHARE, 5).answer().passage());
    }
    // The cluster copy is now a working copy's source: a writer on a new machine rebuilds its copy from it.
    try (OpenSearchEngine os = engine("migrated", base.resolve("fresh-writer"), cluster.urls())) {
      IndexSummary summary = os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(0, summary.added(), summary.toString());
      assertEquals(expected, ids(os));
    }
  }

  @Test
  @Order(6)
  void writersInTwoProcessesStoreEachArticleOnceAndTheLastWriteOfAnIdWins() throws Exception {
    try (OpenSearchEngine a = engine("writers", base.resolve("writer-a"), cluster.urls());
        OpenSearchEngine b = engine("writers", base.resolve("writer-b"), cluster.urls())) {
      List<Thread> threads = new ArrayList<>();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (OpenSearchEngine writer : List.of(a, b)) {
        String name = writer == a ? "a" : "b";
        threads.add(new Thread(() -> {
          try (var session = writer.openWriter()) {
            List<ArticleDraft> drafts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
              drafts.add(draft(name + "-" + i, "Deal " + i + " of writer " + name));
            }
            drafts.add(draft("shared", "Shared story from writer " + name));
            session.indexDrafts("feed-" + name, drafts);
          } catch (Throwable t) {
            failures.add(t);
          }
        }, "writer-" + name));
      }
      threads.forEach(Thread::start);
      for (Thread thread : threads) {
        thread.join();
      }
      assertTrue(failures.isEmpty(), failures.toString());
      assertEquals(101, a.articleCount());
      assertEquals(101, ids(b).size());
      try (var session = b.openWriter()) {
        session.indexDrafts("feed-b", List.of(draft("shared", "Shared story, corrected by writer b")));
      }
      assertEquals("Shared story, corrected by writer b", a.article("shared").orElseThrow().title());
      assertEquals(101, a.articleCount());
    }
  }

  @Test
  @Order(7)
  void theCommandLineUsesTheClusterWhenGivenOneAndTheIndexFolderOtherwise() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "search", "--opensearch", cluster.urls(),
        "--opensearch-index", "parity", "--index", base.resolve("parity-copy").toString(), "--json",
        "revenue share");
    assertEquals(0, code, err.toString());
    for (String id : idsOf(embedded.search(SearchRequest.of("revenue share", 10)))) {
      assertTrue(out.toString().contains(id), id + " in " + out);
    }
    StringWriter stats = new StringWriter();
    assertEquals(0, ArchiveCommand.run(new PrintWriter(stats), new PrintWriter(err), "stats", "--json",
        "--opensearch", cluster.urls(), "--opensearch-index", "parity"));
    assertTrue(stats.toString().contains("\"articles\":" + embedded.articleCount()), stats.toString());
    StringWriter local = new StringWriter();
    StringWriter localErr = new StringWriter();
    int none = ArchiveCommand.run(new PrintWriter(local), new PrintWriter(localErr), "search", "--index",
        base.resolve("no-index-here").toString(), "revenue share");
    assertTrue(none != 0 && !localErr.toString().contains("OpenSearch"), localErr.toString());
  }

  @Test
  @Order(8)
  void aWorkingCopyOfTheSchemaBeforeIsUpgradedBeforeItCatchesUpWithTheCluster() throws Exception {
    Path copy = base.resolve("upgrade-copy");
    try (OpenSearchEngine os = engine("upgrade", copy, cluster.urls())) {
      os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
    }
    // The copy as the archive wrote it before schema 3; meanwhile another writer stores an article in the cluster,
    // which the copy's own writer brings in before anything else.
    Schema2Index.rewrite(copy);
    assertTrue(SchemaUpgrade.needed(copy));
    try (OpenSearchEngine other = engine("upgrade", base.resolve("upgrade-other"), cluster.urls());
        ArchiveWriter session = other.openWriter()) {
      session.indexDrafts("feed-late", List.of(draft("late", "A late deal from another writer")));
    }

    try (OpenSearchEngine os = engine("upgrade", copy, cluster.urls())) {
      IndexSummary summary = os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(0, summary.added(), summary.toString());
      assertFalse(SchemaUpgrade.needed(copy), "upgraded on the first write");
      Set<String> inCopy = new TreeSet<>();
      WorkingCopy.forEach(copy, article -> inCopy.add(article.id()));
      Set<String> expected = new TreeSet<>(ids(embedded));
      expected.add("late");
      assertEquals(expected, inCopy, "every article of the cluster, the late one brought in after the upgrade");
      assertEquals(expected, ids(os));
    }
  }

  static ArticleDraft draft(String id, String title) {
    return new ArticleDraft(id, title, title + ". A licence with a revenue share.", null, "Writers Wire", null,
        List.of(), List.of(), 0);
  }
}
