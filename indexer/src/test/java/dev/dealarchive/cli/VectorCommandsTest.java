package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.BundledData;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.embed.HashingEmbedderProvider;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** index --no-vectors, embed, stats with vectors: the command line's side of vectors, with the hashing test model. */
class VectorCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  @BeforeEach
  void useTheTestModel() {
    System.setProperty(Embedders.MODEL_PROPERTY, HashingEmbedderProvider.NAME);
  }

  @AfterEach
  void forgetTheTestModel() {
    System.clearProperty(Embedders.MODEL_PROPERTY);
  }

  private static Outcome run(String... args) {
    return Outcome.run(args);
  }

  private JsonNode stats(Path index) throws IOException {
    Outcome stats = run("stats", "--json", "--index", index.toString());
    assertEquals(0, stats.exit(), stats.err());
    return stats.json().get("vectors");
  }

  @Test
  void aKeywordOnlyIndexGetsItsVectorsFromArchiveEmbed() throws IOException {
    Path index = temp.resolve("index");
    Outcome indexed =
        run("index", "--no-vectors", "--json", "--index", index.toString(), BundledData.folder().toString());
    assertEquals(0, indexed.exit(), indexed.err());
    JsonNode before = stats(index);
    assertFalse(before.get("enabled").asBoolean());
    assertEquals(0, before.get("passages").asLong());
    assertEquals(0, before.get("waiting").asLong());
    assertTrue(run("stats", "--index", index.toString()).out().contains("Vectors:     none (keyword-only"));

    Outcome embedded = run("embed", "--json", "--index", index.toString());
    assertEquals(0, embedded.exit(), embedded.err());
    assertEquals(14, embedded.json().get("embedded_articles").asLong());
    JsonNode after = stats(index);
    assertTrue(after.get("enabled").asBoolean());
    assertEquals(new HashingEmbedderProvider().modelKey(), after.get("model").asText());
    assertEquals(14, after.get("embedded_articles").asLong());
    assertTrue(after.get("passages").asLong() > 14);
    assertEquals(0, after.get("waiting").asLong());
    assertEquals(14, run("stats", "--json", "--index", index.toString()).json().get("articles").asLong());
  }

  @Test
  void aNewIndexGetsVectorsAndTheIndexSummarySaysSo() throws IOException {
    Path index = temp.resolve("index");
    Outcome indexed = run("index", "--index", index.toString(), BundledData.folder().toString());
    assertEquals(0, indexed.exit(), indexed.err());
    assertTrue(indexed.out().contains("Vectors: 14 articles"), indexed.out());
    Outcome again = run("index", "--json", "--index", index.toString());
    assertEquals(0, again.json().get("vectors").get("embedded_articles").asLong(), "nothing new to embed");
    assertEquals(0, again.json().get("vectors").get("waiting").asLong());
    Outcome stats = run("stats", "--index", index.toString());
    assertTrue(stats.out().contains("Model:       " + new HashingEmbedderProvider().modelKey()), stats.out());
  }
}
