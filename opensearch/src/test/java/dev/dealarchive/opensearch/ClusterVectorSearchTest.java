package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Vector search on a cluster: one real OpenSearch 3.5 node with the k-NN plugin (module {@code opensearch-knn3-node})
 * and the real bundled model (module {@code semantic}). The engine writes each article's passage vectors from its
 * working copy, records the model in the index, refuses another model, and answers questions by words and meaning
 * with the same article and passage as the embedded hybrid engine on {@code data/}.
 */
class ClusterVectorSearchTest {
  static final Path PARAPHRASES =
      Path.of("..", "semantic", "src", "test", "resources", "dev", "dealarchive", "semantic", "paraphrase-questions.tsv")
          .toAbsolutePath().normalize();
  static final String HEADLINE = "Is Microsoft still OpenAI's only cloud provider?";

  @TempDir static Path base;
  static ClusterAndEmbedded engines;
  static TestCluster node;
  static EmbeddedEngine embedded;
  static EmbedderProvider model;

  @BeforeAll
  static void startNode() throws Exception {
    // The vector-tests execution of this module's build puts the model on the class path; the default one does not
    // (a -Dtest run reaches this class in both).
    model = Embedders.provider().orElse(null);
    assumeTrue(model != null, "no embedding model on this class path: run by the vector-tests execution");
    engines = ClusterAndEmbedded.start(base, 1, TestCluster.Distribution.OPENSEARCH_3_KNN);
    node = engines.cluster();
    embedded = engines.embedded();
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  /** One question as both engines answered it. */
  record Compared(String question, String embedded, String cluster) {
    boolean same() {
      return embedded.equals(cluster);
    }
  }

  static String answerOf(AskResult result) {
    Answer answer = result.answer();
    return answer == null
        ? "no answer"
        : answer.article().id() + " | " + answer.confidence() + " | " + answer.passage().text();
  }

  static List<String> paraphrases() throws IOException {
    List<String> questions = new ArrayList<>();
    for (String line : Files.readAllLines(PARAPHRASES, StandardCharsets.UTF_8)) {
      if (!line.isBlank() && !line.startsWith("#")) {
        questions.add(line.split("\t")[2]);
      }
    }
    return questions;
  }

  @Test
  void passageVectorsGoToTheClusterAndQuestionsGetTheEmbeddedHybridAnswers() throws Exception {
    try (OpenSearchEngine os = OpenSearchClusterTest.engine("vectors", base.resolve("copy"), node.urls())) {
      IndexSummary summary =
          os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
      assertTrue(summary.added() > 0, summary.toString());
      assertEquals(OpenSearchClusterTest.ids(embedded), OpenSearchClusterTest.ids(os));

      ClusterClient client = os.client();
      ClusterVectors.Model recorded = ClusterVectors.model(client);
      assertNotNull(recorded, "the index records the model of its vectors");
      assertEquals(model.modelKey(), recorded.key());
      assertEquals(384, recorded.dimension());
      ObjectNode withPassages = client.object();
      withPassages.putObject("query").putObject("nested").put("path", ClusterVectors.PASSAGES)
          .putObject("query").putObject("match_all");
      long embeddedArticles =
          client.call("POST", "/vectors/_count", withPassages).path("count").asLong();
      assertEquals(os.articleCount(), embeddedArticles, "every article has its passages and vectors");

      // The headline question and the paraphrase questions (written without the articles' key words, so meaning
      // decides most of them): same article, confidence and passage on both engines.
      List<String> questions = new ArrayList<>(List.of(HEADLINE,
          "Is Microsoft still OpenAI's only cloud provider? after:2026-01-01",
          "Is Microsoft still OpenAI's only cloud provider? -Google"));
      questions.addAll(paraphrases());
      List<Compared> compared = new ArrayList<>();
      for (String question : questions) {
        compared.add(new Compared(question, answerOf(embedded.ask(question, 5)), answerOf(os.ask(question, 5))));
      }
      long same = compared.stream().filter(Compared::same).count();
      System.out.printf(Locale.ROOT, "Cluster vs embedded hybrid answers on data/: %d of %d the same%n", same,
          compared.size());
      compared.stream().filter(c -> !c.same()).forEach(c -> System.out.println(
          "  differs: " + c.question() + "\n    embedded: " + c.embedded() + "\n    cluster:  " + c.cluster()));
      assertTrue(compared.get(0).embedded().startsWith("microsoft-openai-2026-04-28"), compared.get(0).embedded());
      for (Compared headline : compared.subList(0, 3)) {
        assertEquals(headline.embedded(), headline.cluster(), headline.question());
      }
      assertEquals(compared.size(), same, "every question answered alike");

      // The ranking of articles (archive eval's first stage): the same best article for every paraphrase, and the
      // same next two (their order may differ where their fused scores nearly tie: the embedded index's kNN scores
      // come from int8-quantized vectors, the cluster's from float ones).
      for (String question : paraphrases()) {
        List<ScoredArticle> mine = os.rank(question, 3);
        List<ScoredArticle> theirs = embedded.rank(question, 3);
        String what = question + "\n  embedded " + theirs + "\n  cluster  " + mine;
        assertEquals(theirs.get(0).id(), mine.get(0).id(), what);
        assertEquals(new TreeSet<>(theirs.stream().map(ScoredArticle::id).toList()),
            new TreeSet<>(mine.stream().map(ScoredArticle::id).toList()), what);
        for (int i = 0; i < mine.size(); i++) {
          if (!mine.get(i).id().equals(theirs.get(i).id())) {
            System.out.println("  order differs: " + what);
            assertEquals(theirs.get(i).score(), mine.get(i).score(), 0.02, what);
          }
        }
      }
    }

    // ask --retrieval keyword and semantic on the cluster rank as they do on one machine.
    for (RetrievalMode mode : List.of(RetrievalMode.KEYWORD, RetrievalMode.SEMANTIC)) {
      HybridSettings hybrid = HybridSettings.defaults().withMode(mode);
      ClusterConfig config = new ClusterConfig(ClusterConfig.parseUrls(node.urls()), "vectors", null, null);
      try (OpenSearchEngine os = OpenSearchEngine.open(config,
              EngineSettings.of(base.resolve("copy-" + mode)).withEnvironment(Map.of()).withHybrid(hybrid), 1, 0);
          EmbeddedEngine same = EmbeddedEngine.open(base.resolve("embedded"), AnswerSettings.defaults(), hybrid,
              FetchOptions.defaults())) {
        for (String question : paraphrases().subList(0, 10)) {
          assertEquals(answerOf(same.ask(question, 5)), answerOf(os.ask(question, 5)), mode + ": " + question);
        }
      }
    }

    // A second writer's new working copy is made from the cluster: articles stored there with passages are marked
    // as embedded with the cluster's model, not embedded again, and nothing is written again.
    try (OpenSearchEngine second = OpenSearchClusterTest.engine("vectors", base.resolve("copy-2"), node.urls());
        ArchiveWriter writer = second.openWriter()) {
      IndexSummary again = writer.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(),
          IndexProgress.NONE);
      assertEquals(0, again.added() + again.updated() + again.deleted(), again.toString());
      EmbedSummary embedding = writer.lastEmbedding();
      assertNotNull(embedding, "the new copy keeps vectors on, as the cluster index has them");
      assertEquals(0, embedding.articles(), embedding.toString());
      assertEquals(0, embedding.waiting(), embedding.toString());
    }
  }

  @Test
  void articlesWrittenWithoutVectorsGetThemFromTheNextWriteSessionWithAModel() throws Exception {
    try (OpenSearchEngine os = OpenSearchClusterTest.engine("vectors-later", base.resolve("later-copy"),
        node.urls())) {
      os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults().withVectors(false), IndexProgress.NONE);
      ClusterClient client = os.client();
      assertNull(ClusterVectors.model(client), "written with --no-vectors: no vectors yet");
      ObjectNode withPassages = client.object();
      withPassages.putObject("query").putObject("nested").put("path", ClusterVectors.PASSAGES)
          .putObject("query").putObject("match_all");
      ClusterException noField =
          assertThrows(ClusterException.class, () -> client.call("POST", "/vectors-later/_count", withPassages));
      assertTrue(noField.getMessage().contains(ClusterVectors.PASSAGES), noField.getMessage());
      // Words alone meanwhile: the answers of an embedded archive without vectors.
      try (EmbeddedEngine words = EmbeddedEngine.open(base.resolve("words"))) {
        words.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults().withVectors(false),
            IndexProgress.NONE);
        for (String question : paraphrases().subList(0, 10)) {
          assertEquals(answerOf(words.ask(question, 5)), answerOf(os.ask(question, 5)), question);
        }
      }

      // archive embed (as the note of the --no-vectors run says; any later write session without --no-vectors does
      // the same) embeds what waits in the working copy and writes those articles again, with their passages.
      try (ArchiveWriter writer = os.openWriter()) {
        EmbedSummary embedding = writer.embed(IndexProgress.NONE);
        assertEquals(os.articleCount(), embedding.articles(), embedding.toString());
      }
      assertEquals(model.modelKey(), ClusterVectors.model(client).key());
      assertEquals(os.articleCount(), client.call("POST", "/vectors-later/_count", withPassages).path("count").asLong());
    }
    // A process started now answers by meaning too (running ones look again within a minute, as for BM25).
    try (OpenSearchEngine reader = OpenSearchClusterTest.engine("vectors-later", base.resolve("later-reader"),
        node.urls())) {
      for (String question : paraphrases().subList(0, 10)) {
        assertEquals(answerOf(embedded.ask(question, 5)), answerOf(reader.ask(question, 5)), question);
      }
    }
  }

  @Test
  void migrateCarriesTheEmbeddedArchivesVectorsToTheCluster() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine migrate = new CommandLine(new MigrateCommand());
    migrate.setOut(new PrintWriter(out));
    int code = migrate.execute("--from", base.resolve("embedded").toString(), "--to", node.urls(), "--to-index",
        "vectors-migrated", "--shards", "1", "--replicas", "0");
    assertEquals(0, code, out.toString());
    try (OpenSearchEngine os = OpenSearchClusterTest.engine("vectors-migrated", base.resolve("migrated-copy"),
        node.urls())) {
      ClusterClient client = os.client();
      assertEquals(model.modelKey(), ClusterVectors.model(client).key());
      ObjectNode withPassages = client.object();
      withPassages.putObject("query").putObject("nested").put("path", ClusterVectors.PASSAGES)
          .putObject("query").putObject("match_all");
      assertEquals(os.articleCount(),
          client.call("POST", "/vectors-migrated/_count", withPassages).path("count").asLong());
      for (String question : paraphrases().subList(0, 10)) {
        assertEquals(answerOf(embedded.ask(question, 5)), answerOf(os.ask(question, 5)), question);
      }
      // The first writer after the move embeds nothing: its copy, made from the cluster, knows the vectors are there.
      try (ArchiveWriter writer = os.openWriter()) {
        writer.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(), IndexProgress.NONE);
        assertEquals(0, writer.lastEmbedding().articles(), writer.lastEmbedding().toString());
      }
    }
  }

  @Test
  void aWriterWithAnotherModelIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path inputs = base.resolve("other-model-inputs");
    Files.createDirectories(inputs);
    Files.writeString(inputs.resolve("first.md"), "# Northwind signs a cloud deal\n\nNorthwind moves its grid"
        + " analytics to Tidewater Cloud under a five-year agreement.\n", StandardCharsets.UTF_8);
    try (OpenSearchEngine os = OpenSearchClusterTest.engine("vectors-other", base.resolve("other-copy"),
        node.urls())) {
      os.index(List.of(inputs), IndexOptions.defaults(), IndexProgress.NONE);
      ClusterClient client = os.client();
      assertEquals(model.modelKey(), ClusterVectors.model(client).key());
      // The index now says its vectors come from another model (as if another writer's model had made them).
      JsonNode meta = client.call("GET", "/vectors-other/_mapping", null).path("vectors-other").path("mappings")
          .path("_meta");
      ObjectNode changed = ((ObjectNode) meta).deepCopy();
      changed.putObject(ClusterVectors.META).put("model", "other-model @ 1").put("dimension", 384);
      ObjectNode body = client.object();
      body.set("_meta", changed);
      client.call("PUT", "/vectors-other/_mapping", body);

      Files.writeString(inputs.resolve("second.md"), "# Kestrel Bio renews with Tidewater\n\nKestrel Bio renews"
          + " its Tidewater Cloud contract for three years.\n", StandardCharsets.UTF_8);
      ClusterException refused = assertThrows(ClusterException.class,
          () -> os.index(List.of(inputs), IndexOptions.defaults(), IndexProgress.NONE));
      assertTrue(refused.getMessage().contains("other-model @ 1") && refused.getMessage().contains(model.modelKey()),
          refused.getMessage());
      assertEquals(1, os.articleCount(), "nothing of the refused write reached the cluster");
    }
  }
}
