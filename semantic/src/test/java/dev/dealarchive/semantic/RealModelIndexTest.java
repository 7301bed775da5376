package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.VectorSearch;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.VectorStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled model end to end on the bundled data/: the index gets its vectors and a paraphrase finds its article. */
class RealModelIndexTest {
  @TempDir Path temp;

  private static Path data() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("data");
      if (Files.isRegularFile(data.resolve("microsoft-openai-2026-04-28.md"))) {
        return data;
      }
    }
    throw new IllegalStateException("bundled data/ not found");
  }

  @Test
  void indexingTheBundledDataEmbedsEveryArticleOnceAndAParaphraseFindsItsArticle() throws Exception {
    Path index = temp.resolve("index");
    EmbedSummary first;
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedThreads(2)) {
      indexer.index(List.of(data()), IndexOptions.defaults(), IndexProgress.NONE);
      first = indexer.lastEmbedding();
    }
    assertEquals(14, first.articles());
    assertTrue(first.passages() >= first.articles());
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(data()), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(0, indexer.lastEmbedding().articles(), "an unchanged re-sync embeds nothing");
    }
    try (Archive archive = Archive.open(index);
        Embedder model = new BgeSmallProvider().open(new EmbedderSettings(temp.resolve("cache"), 1))) {
      VectorStats vectors = archive.vectorStats();
      assertEquals(new BgeSmallProvider().modelKey(), vectors.state().modelKey());
      assertEquals(384, vectors.state().dimension());
      assertEquals(first.passages(), vectors.passages());
      assertEquals(0, vectors.waiting());
      float[] question = model.embedQuery("Is Microsoft still OpenAI's only cloud provider?");
      String top =
          archive.withSearcher(
              searcher -> {
                List<VectorSearch.PassageHit> hits = VectorSearch.search(searcher, question, null, 3);
                return searcher.storedFields().document(hits.get(0).articleDoc()).get(ArchiveFields.ID);
              });
      assertEquals("microsoft-openai-2026-04-28", top);
    }
  }
}
