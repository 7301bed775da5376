package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster shared by several processes, on one real OpenSearch node: the BM25 parameters of answers are the index's
 * and change only through {@code archive opensearch-bm25}; a follower (the bot's followed queries) reads only what
 * changed since it last looked, also while another writer adds articles; a second writer reports the first one's
 * story as a duplicate and stores it once that article is gone.
 */
class ClusterSharedUseTest {
  static final String QUESTION = "How much revenue share does OpenAI pay Microsoft?";

  @TempDir static Path base;
  static TestCluster cluster;

  @BeforeAll
  static void startNode() throws Exception {
    cluster = TestCluster.start(base.resolve("node"), 1);
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  static OpenSearchEngine engine(String index, String copy) throws IOException {
    return engine(index, copy, AnswerSettings.defaults());
  }

  static OpenSearchEngine engine(String index, String copy, AnswerSettings answers) throws IOException {
    ClusterConfig config = new ClusterConfig(ClusterConfig.parseUrls(cluster.urls()), index, null, null);
    return OpenSearchEngine.open(
        config, EngineSettings.of(base.resolve(copy)).withEnvironment(Map.of()).withAnswers(answers), 1, 0);
  }

  static AnswerSettings bm25(float k1, float b) {
    return new Bm25(k1, b).applyTo(AnswerSettings.defaults());
  }

  static int run(StringWriter out, StringWriter err, String... args) {
    return ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void answerBm25IsTheIndexSettingChangedOnlyByItsCommandAndScoresFollowIt() throws Exception {
    AnswerSettings tuned = bm25(1.5f, 0.6f);
    List<ScoredArticle> before;
    try (OpenSearchEngine os = engine("bm25", "bm25-writer")) {
      os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      before = os.rank(QUESTION, 10);
      try (ClusterClient client = ClusterClient.connect(os.client().config())) {
        assertEquals(new Bm25(0.9f, 0.4f), Bm25.inForce(client));
      }
    }
    // Other values for one question: refused, saying the values in force and the command that changes them.
    try (OpenSearchEngine os = engine("bm25", "bm25-reader", tuned)) {
      IOException e = assertThrows(Bm25.MismatchException.class, () -> os.ask(QUESTION, 5));
      assertTrue(e.getMessage().contains("k1 0.9, b 0.4"), e.getMessage());
      assertTrue(e.getMessage().contains("archive opensearch-bm25 --opensearch " + cluster.urls().split(",")[0]
          + " --opensearch-index bm25 --k1 1.5 --b 0.6"), e.getMessage());
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String copy = base.resolve("bm25-cli").toString();
    assertEquals(1, run(out, err, "ask", "--opensearch", cluster.urls(), "--opensearch-index", "bm25", "--index", copy,
        "--k1", "1.5", "--b", "0.6", QUESTION));
    assertTrue(err.toString().contains("archive opensearch-bm25"), err.toString());

    // The command that is about the index changes it (closing it for a moment) and records the values.
    out = new StringWriter();
    err = new StringWriter();
    assertEquals(0, run(out, err, "opensearch-bm25", "--opensearch", cluster.urls(), "--opensearch-index", "bm25",
        "--k1", "1.5", "--b", "0.6"), err.toString());
    assertTrue(out.toString().contains("now score with BM25 k1 1.5, b 0.6 (were k1 0.9, b 0.4)"), out.toString());
    out = new StringWriter();
    assertEquals(0, run(out, err, "opensearch-bm25", "--opensearch", cluster.urls(), "--opensearch-index", "bm25"));
    assertTrue(out.toString().contains("score with BM25 k1 1.5, b 0.6"), out.toString());

    // Now the tuned values are the index's: asked for explicitly or by default, answers score with them, exactly
    // as the embedded engine scores with the same options.
    try (OpenSearchEngine os = engine("bm25", "bm25-reader", tuned);
        OpenSearchEngine plain = engine("bm25", "bm25-plain");
        EmbeddedEngine embedded =
            EmbeddedEngine.open(base.resolve("bm25-embedded"), tuned, FetchOptions.defaults())) {
      embedded.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      List<ScoredArticle> after = os.rank(QUESTION, 10);
      List<ScoredArticle> expected = embedded.rank(QUESTION, 10);
      assertEquals(ids(expected), ids(after));
      for (int i = 0; i < after.size(); i++) {
        double want = expected.get(i).score();
        assertEquals(want, after.get(i).score(), Math.max(1e-3, want * 1e-3), "score of " + after.get(i).id());
      }
      assertNotEquals(before.get(0).score(), after.get(0).score(), 1e-4);
      assertEquals(scores(after), scores(plain.rank(QUESTION, 10)));
      assertEquals(embedded.ask(QUESTION, 5).answer().passage(), os.ask(QUESTION, 5).answer().passage());
      var meta = os.client().call("GET", "/bm25/_mapping", null).path("bm25").path("mappings").path("_meta");
      assertEquals(1.5, meta.path("answer_bm25").path("k1").asDouble(), 1e-6);
      assertEquals(0.6, meta.path("answer_bm25").path("b").asDouble(), 1e-6);
    }
  }

  static List<String> ids(List<ScoredArticle> ranked) {
    return ranked.stream().map(ScoredArticle::id).toList();
  }

  static List<Double> scores(List<ScoredArticle> ranked) {
    return ranked.stream().map(ScoredArticle::score).toList();
  }

  static List<ArticleDraft> drafts(String prefix, int from, int to) {
    List<ArticleDraft> drafts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      drafts.add(draft(prefix + "-" + i, "Deal " + i + " announced by " + prefix));
    }
    return drafts;
  }

  static ArticleDraft draft(String id, String title) {
    return OpenSearchClusterTest.draft(id, title);
  }

  static IndexSummary write(OpenSearchEngine engine, String origin, List<ArticleDraft> drafts) throws IOException {
    try (ArchiveWriter writer = engine.openWriter()) {
      return writer.indexDrafts(origin, drafts);
    }
  }

  @Test
  void aFollowerReadsOnlyWhatChangedAndMissesNothingAnotherWriterAdds() throws Exception {
    try (OpenSearchEngine a = engine("follow", "follow-a");
        OpenSearchEngine b = engine("follow", "follow-b");
        OpenSearchEngine follower = engine("follow", "follow-reader")) {
      write(a, "https://feeds.example.com/a", drafts("a", 0, 300));
      // Quiet cluster, writes settled: looking back no further than the last look shows what a look costs.
      follower.followSettleMillis = 0;
      Set<String> known = new HashSet<>(follower.articleIdsExcept(id -> false));
      assertEquals(300, known.size());
      assertEquals(300, follower.followIdsRead());
      // Returned ids stay new until the caller knows them; once it does, a look reads only later articles.
      assertEquals(List.of(), follower.articleIdsExcept(known::contains));
      assertEquals(List.of(), follower.articleIdsExcept(known::contains));
      assertTrue(follower.followIdsRead() < 30, "read " + follower.followIdsRead() + " ids of 300");
      write(b, "https://feeds.example.com/b", drafts("b", 0, 3));
      List<String> fresh = follower.articleIdsExcept(known::contains);
      assertEquals(Set.of("b-0", "b-1", "b-2"), Set.copyOf(fresh));
      assertTrue(follower.followIdsRead() < 30, "read " + follower.followIdsRead() + " ids of 303");
      // Not recorded by the caller: still new on the next look.
      assertEquals(Set.copyOf(fresh), Set.copyOf(follower.articleIdsExcept(known::contains)));
      known.addAll(fresh);
      assertEquals(List.of(), follower.articleIdsExcept(known::contains));
      assertTrue(follower.followIdsRead() < 30, "read " + follower.followIdsRead() + " ids of 303");
      // A known article written again is not new.
      write(a, "https://feeds.example.com/a", List.of(draft("a-7", "Deal 7 announced by a, corrected")));
      assertEquals(List.of(), follower.articleIdsExcept(known::contains));

      // Another writer adds articles while the follower looks (the default look-back): every article is reported
      // once, none is missed.
      follower.followSettleMillis = WorkingCopy.SETTLE_MILLIS;
      List<String> reported = new CopyOnWriteArrayList<>();
      AtomicBoolean writing = new AtomicBoolean(true);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      Thread writer = new Thread(() -> {
        try {
          for (int batch = 0; batch < 10; batch++) {
            write(b, "https://feeds.example.com/b" + batch, drafts("c" + batch, 0, 10));
          }
        } catch (Throwable t) {
          failures.add(t);
        } finally {
          writing.set(false);
        }
      }, "second-writer");
      writer.start();
      while (writing.get()) {
        List<String> seen = follower.articleIdsExcept(known::contains);
        reported.addAll(seen);
        known.addAll(seen);
      }
      writer.join();
      reported.addAll(follower.articleIdsExcept(known::contains));
      assertTrue(failures.isEmpty(), failures.toString());
      assertEquals(100, reported.size(), "reported twice or missed: " + reported.size());
      assertEquals(100, Set.copyOf(reported).size());
      assertTrue(reported.stream().allMatch(id -> id.startsWith("c")), reported.toString());
      assertEquals(403, follower.articleCount());
    }
  }

  @Test
  void aWorkingCopyAlreadyCurrentCatchesUpWithoutOpeningItsWriter() throws Exception {
    try (OpenSearchEngine a = engine("current", "current-a");
        OpenSearchEngine b = engine("current", "current-b")) {
      write(a, "https://feeds.example.com/wire-a", List.of(draft("a-one", "Helios licenses Orion's software")));
      Path folder = base.resolve("current-a");
      WorkingCopy copy = new WorkingCopy(folder, a.client());
      ClusterArticles articles = new ClusterArticles(a.client());
      try (Directory directory = FSDirectory.open(folder);
          IndexWriter held = new IndexWriter(directory, new IndexWriterConfig())) {
        // The copy's write lock is taken: a catch-up that opened the copy's writer would fail here.
        copy.catchUp(articles, 0);
        write(b, "https://feeds.example.com/wire-b", List.of(draft("b-one", "Kestrel Bio signs with a cloud")));
        assertThrows(LockObtainFailedException.class, () -> copy.catchUp(articles, 0),
            "an article another writer stored is brought in through the writer");
      }
      copy.catchUp(articles, 0);
      assertEquals(Set.of("a-one", "b-one"), copy.hashes().keySet());
    }
  }

  @Test
  void aSecondWriterReportsTheFirstWritersStoryAsADuplicateUntilItIsGone() throws Exception {
    String feedA = "https://feeds.example.com/wire-a";
    String feedB = "https://feeds.example.com/wire-b";
    try (OpenSearchEngine a = engine("dups", "dups-a");
        OpenSearchEngine b = engine("dups", "dups-b")) {
      // Both working copies exist before the story arrives: the second writer learns of it by catching up.
      write(b, feedB, List.of(draft("b-other", "Kestrel Bio signs with a cloud")));
      write(a, feedA, List.of(draft("a-story", "Helios licenses Orion's inspection software")));

      IndexSummary second = write(b, feedB,
          List.of(draft("b-other", "Kestrel Bio signs with a cloud"),
              draft("b-story", "Helios licenses Orion's inspection software")));
      assertEquals(1, second.duplicates(), second.toString());
      assertTrue(second.duplicateReports().get(0).reason().contains("same title and body as a-story"),
          second.duplicateReports().toString());
      assertTrue(b.article("b-story").isEmpty());
      assertEquals(2, b.articleCount());

      // The first writer's article goes away: the story is no longer a duplicate for the second writer.
      try (ArchiveWriter writer = a.openWriter()) {
        assertEquals(1, writer.remove(feedA).deleted());
      }
      // A stamping pipeline deleted by hand is made again by the next writer (without it every write would fail).
      b.client().call("DELETE", "/_ingest/pipeline/" + IndexSchema.STAMP_PIPELINE, null);
      IndexSummary third = write(b, feedB,
          List.of(draft("b-other", "Kestrel Bio signs with a cloud"),
              draft("b-story", "Helios licenses Orion's inspection software")));
      assertEquals(0, third.duplicates(), third.toString());
      assertEquals(1, third.added(), third.toString());
      assertTrue(a.article("b-story").isPresent());
      assertTrue(a.article("a-story").isEmpty());
      assertEquals(2, a.articleCount());
      assertTrue(b.client().send("GET", "/_ingest/pipeline/" + IndexSchema.STAMP_PIPELINE, Map.of(), null).ok());
    }
  }
}
