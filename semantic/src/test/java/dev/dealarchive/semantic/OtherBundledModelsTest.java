package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.VectorStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The models chosen by name with {@code ARCHIVE_MODEL}, each loaded for real from its jar. */
class OtherBundledModelsTest {
  @TempDir Path temp;

  static Stream<EmbedderProvider> others() {
    return Stream.of(
        new BgeSmallFloatProvider(), new E5SmallProvider(), new MiniLmProvider(), new BgeE5Provider(),
        new BgeMiniLmProvider());
  }

  @Test
  void theInt8BgeStaysTheDefaultAndEachOtherIsChosenByItsName() {
    assertInstanceOf(BgeSmallProvider.class, Embedders.provider().orElseThrow());
    try {
      for (EmbedderProvider other : others().toList()) {
        assertFalse(other.isDefault(), other.name());
        System.setProperty(Embedders.MODEL_PROPERTY, other.name().toUpperCase(Locale.ROOT));
        assertEquals(other.getClass(), Embedders.provider().orElseThrow().getClass());
      }
    } finally {
      System.clearProperty(Embedders.MODEL_PROPERTY);
    }
  }

  @Test
  void aModelWhoseJarThisBuildLeavesOutSaysHowToBuildItIn() {
    // The other models' jars reach the launcher only with the app's all-models profile (module semantic has them
    // for its tests alone): a model file that is not on the class path is what a default build meets.
    BundledModel absent =
        new BundledModel(
            "absent-q", "absent model", "dev.langchain4j:absent", "/absent-q.onnx", "/absent-q-tokenizer.json",
            BundledModel.E5_SMALL_INT8.pooling(), "", "", 384);
    IOException thrown =
        assertThrows(
            IOException.class, () -> OnnxEmbedder.load(absent, new EmbedderSettings(temp.resolve("cache"), 1), "1"));
    assertTrue(thrown.getMessage().contains("dev.langchain4j:absent"), thrown.getMessage());
    assertTrue(thrown.getMessage().contains("-Pall-models"), thrown.getMessage());
  }

  @ParameterizedTest
  @MethodSource("others")
  void embedsUnitVectorsThatFindTheParaphrasedAnswerAndTheIndexRecordsTheModel(EmbedderProvider provider)
      throws Exception {
    assertTrue(provider.modelKey().endsWith(":" + BundledModelProvider.version()), provider.modelKey());
    int dimension = provider instanceof AveragedProvider ? 768 : 384;
    assertFalse(provider.modelKey().equals(new BgeSmallProvider().modelKey()));
    try (Embedder model = provider.open(new EmbedderSettings(temp.resolve("cache"), 1))) {
      assertEquals(provider.modelKey(), model.modelKey());
      assertEquals(dimension, model.dimension());
      float[] question = model.embedQuery(EmbeddingFixtures.QUESTION);
      List<float[]> passages = model.embedPassages(List.of(EmbeddingFixtures.ANSWER, EmbeddingFixtures.UNRELATED));
      assertEquals(dimension, question.length);
      assertEquals(1.0, VectorUtil.dotProduct(question, question), 1e-4, "unit length");
      assertEquals(1.0, VectorUtil.dotProduct(passages.get(1), passages.get(1)), 1e-4, "unit length");
      assertTrue(
          VectorUtil.dotProduct(question, passages.get(0)) > VectorUtil.dotProduct(question, passages.get(1)) + 0.05,
          provider.name());
    }

    Path data = temp.resolve("data");
    Files.createDirectories(data);
    Path samples = Path.of("..", "data").toAbsolutePath().normalize();
    for (String name : List.of("microsoft-openai-2026-04-28.md", "northwind-helios-inspection-licence.md")) {
      Files.copy(samples.resolve(name), data.resolve(name));
    }
    Path index = temp.resolve("index");
    EmbedSummary embedded;
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(provider).embedThreads(1)) {
      indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
      embedded = indexer.lastEmbedding();
    }
    assertEquals(2, embedded.articles());
    try (Archive archive = Archive.open(index)) {
      VectorStats vectors = archive.vectorStats();
      assertEquals(provider.modelKey(), vectors.state().modelKey());
      assertEquals(dimension, vectors.state().dimension());
      assertEquals(embedded.passages(), vectors.passages());
    }
  }

  @Test
  void theTwoModelsTogetherScoreAPassageByTheMeanOfTheirCosines() throws Exception {
    EmbedderSettings settings = new EmbedderSettings(temp.resolve("cache"), 1);
    String question = "Who pays whom a share of revenue?";
    List<String> passage = List.of("Microsoft and OpenAI amend partnership\nOpenAI pays Microsoft a capped 20% share.");
    try (Embedder both = new BgeE5Provider().open(settings);
        Embedder bge = new BgeSmallProvider().open(settings);
        Embedder e5 = new E5SmallProvider().open(settings)) {
      double mean =
          (VectorUtil.dotProduct(bge.embedQuery(question), bge.embedPassages(passage).get(0))
                  + VectorUtil.dotProduct(e5.embedQuery(question), e5.embedPassages(passage).get(0)))
              / 2;
      assertEquals(mean, VectorUtil.dotProduct(both.embedQuery(question), both.embedPassages(passage).get(0)), 1e-5);
    }
  }

  @Test
  void theFloatModelLoadsWithinTheServingProcesssHeapOf256Mb() throws Exception {
    // Its 133 MB ONNX file, read into a byte array, took more than 256 MB of heap while loading (the bench's serving
    // process failed with OutOfMemoryError); it is now read into a buffer outside the heap.
    List<String> command =
        LoadModelMain.command(
            "256m", Files.createDirectories(temp.resolve("tmp")), temp.resolve("cache"),
            new BgeSmallFloatProvider().name());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(2, TimeUnit.MINUTES));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("END"), output);
  }
}
