package dev.dealarchive.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.BundledData;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedEngineTest {
  @TempDir Path temp;

  @Test
  void readsFailWithTheUsualMessageUntilAnIndexExistsThenServeWhatWasWritten() throws IOException {
    Path index = temp.resolve("index");
    try (EmbeddedEngine engine = EmbeddedEngine.open(index)) {
      NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> engine.articleCount());
      assertTrue(missing.getMessage().contains("run `archive index` first"), missing.getMessage());

      IndexSummary summary = engine.index(List.of(BundledData.folder()), IndexOptions.defaults(), IndexProgress.NONE);
      assertTrue(summary.added() > 0);
      assertEquals(summary.added(), engine.articleCount());
      assertEquals(List.of(BundledData.folder().toAbsolutePath().normalize()), engine.recordedInputs());

      Article article = engine.article("microsoft-openai-2026-04-28").orElseThrow();
      assertTrue(article.body().contains("20%"), article.body());
      assertEquals(Instant.parse("2026-04-28T00:00:00Z"), article.published());
      assertTrue(engine.article("no-such-id").isEmpty());

      List<String> ids = new ArrayList<>();
      engine.forEachArticle(a -> ids.add(a.id()));
      assertEquals(engine.articleCount(), ids.size());
      assertEquals(ids.size(), new HashSet<>(ids).size());

      List<ScoredArticle> ranked = engine.rankSearch("revenue share", 10);
      assertEquals(engine.search(SearchRequest.of("revenue share", 10)).hits().get(0).id(), ranked.get(0).id());
      List<ScoredArticle> asked = engine.rank("How much revenue share does OpenAI pay Microsoft?", 10);
      assertEquals("microsoft-openai-2026-04-28", asked.get(0).id());
      assertNotNull(engine.ask("How much revenue share does OpenAI pay Microsoft?", 3).answer());
    }
  }

  @Test
  void aWriteOfThisEngineIsSearchableAtOnceAndASecondProcessWriterIsRefused() throws IOException {
    Path index = temp.resolve("index");
    try (EmbeddedEngine engine = EmbeddedEngine.open(index)) {
      try (ArchiveWriter writer = engine.openWriter()) {
        writer.indexDrafts("https://wire.example/feed", List.of(draft("first")));
      }
      assertEquals(1, engine.articleCount());
      try (ArchiveWriter writer = engine.openWriter()) {
        writer.indexDrafts("https://wire.example/feed", List.of(draft("second")));
      }
      engine.refresh();
      assertEquals(2, engine.articleCount());

      try (EmbeddedEngine other = EmbeddedEngine.open(index);
          ArchiveWriter held = other.openWriter()) {
        assertThrows(IndexBusyException.class, engine::openWriter);
      }
      try (ArchiveWriter again = engine.openWriter()) {
        assertTrue(again.recordedInputs().isEmpty());
      }
    }
  }

  @Test
  void noLuceneTypeAppearsInTheSeam() {
    for (Class<?> seam : List.of(ArchiveEngine.class, ArchiveWriter.class, EngineProvider.class)) {
      for (Method method : seam.getMethods()) {
        Set<Type> types = new HashSet<>(List.of(method.getGenericParameterTypes()));
        types.add(method.getGenericReturnType());
        types.addAll(List.of(method.getGenericExceptionTypes()));
        for (Type type : types) {
          assertFalse(type.getTypeName().contains("org.apache.lucene"), seam.getSimpleName() + "." + method.getName() + ": " + type);
        }
      }
    }
  }

  @Test
  void anEditedSynonymsFileChangesTheReadVersionOnceItsAliasesAnswer() throws Exception {
    Path index = temp.resolve("index");
    try (EmbeddedEngine engine = EmbeddedEngine.open(index)) {
      try (ArchiveWriter writer = engine.openWriter()) {
        writer.indexDrafts("https://wire.example/feed", List.of(new ArticleDraft("nimbus-orbital",
            "Nimbus Cloud signs a hosting deal with Orbital Foods",
            "Nimbus Cloud signed a hosting deal with Orbital Foods. The hosting deal runs for two years.",
            Instant.parse("2026-03-01T00:00:00Z"), "Test Wire", null, null, null, 0)));
      }
      engine.refresh();
      String question = "Which hosting deal did NMBS sign?";
      assertNull(engine.ask(question, 3).answer(), "the alias means nothing yet");
      Object before = engine.readVersion();
      assertEquals(before, engine.readVersion(), "nothing changed, so the version holds");

      Path synonyms = IndexFolder.at(index).synonymsFile();
      Files.writeString(synonyms, "Nimbus Cloud, NMBS\n", StandardCharsets.UTF_8);
      // A later time than the file had, however coarse the file system's clock.
      Files.setLastModifiedTime(synonyms, FileTime.from(Instant.now().plusSeconds(5)));
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      Object after = engine.readVersion();
      while (after.equals(before)) {
        assertTrue(System.nanoTime() < deadline, "the edited synonyms file was never picked up");
        Thread.sleep(20);
        after = engine.readVersion();
      }
      assertEquals(after, engine.readVersion(), "the new version holds while nothing else changes");
      AskResult answered = engine.ask(question, 3);
      assertNotNull(answered.answer(), "the version changed with the synonyms the answers use");
      assertEquals("nimbus-orbital", answered.answer().article().id());
    }
  }

  private static ArticleDraft draft(String id) {
    return new ArticleDraft(
        id, "Nimbus licenses " + id, "Body of " + id + " with a revenue share.", null, "Wire", null, null, null, 0);
  }
}
