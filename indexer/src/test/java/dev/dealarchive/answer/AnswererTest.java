package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Answers over a small index built in a temporary folder. */
class AnswererTest {
  @TempDir Path temp;
  Path index;

  @BeforeEach
  void build() throws IOException {
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    article(inbox, "old.md", "nimbus-2024", "2024-03-01", "Nimbus Cloud signs a hosting deal with Orbital Foods",
        "Nimbus Cloud signed a hosting deal with Orbital Foods in 2024. The hosting deal runs for two years.");
    article(inbox, "new.md", "nimbus-2026", "2026-09-15", "Nimbus Cloud signs a hosting deal with Quarry Mobility",
        "Nimbus Cloud signed a hosting deal with Quarry Mobility. The hosting deal runs for five years.");
    article(inbox, "other.md", "kestrel", "2025-05-05", "Kestrel Bio licenses an enzyme",
        "Kestrel Bio licensed an enzyme patent to Helios Grid for a royalty of 4%.");
    index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static void article(Path folder, String name, String id, String date, String title, String body)
      throws IOException {
    Files.writeString(
        folder.resolve(name),
        "---\nid: " + id + "\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n" + body + "\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void latestInAQuestionPrefersTheNewerOfTwoEquallyGoodArticles() throws IOException {
    try (Archive archive = Archive.open(index)) {
      AskResult latest = archive.ask("latest Nimbus Cloud hosting deal", 3);
      assertEquals("nimbus-2026", latest.answer().article().id());
    }
  }

  @Test
  void amountQuestionPicksTheSentenceWithTheFigure() throws IOException {
    try (Archive archive = Archive.open(index)) {
      AskResult result = archive.ask("What royalty does Helios Grid pay Kestrel?", 3);
      assertTrue(result.answer().passage().text().contains("4%"), result.answer().passage().text());
    }
  }

  @Test
  void editedSynonymsApplyToTheNextQuestionWithoutReindexing() throws IOException {
    try (Archive archive = Archive.open(index)) {
      assertNull(archive.ask("Which hosting deal did NMBS sign?", 3).answer());
      Path synonyms = index.resolve(Synonyms.FILE_NAME);
      Files.writeString(synonyms, "Nimbus Cloud, NMBS\n", StandardCharsets.UTF_8);
      // The source re-reads the file when its modification time changes, checking at most once a second.
      Files.setLastModifiedTime(synonyms, FileTime.from(Instant.now().plusSeconds(5)));
      long deadline = System.nanoTime() + 5_000_000_000L;
      AskResult result = archive.ask("Which hosting deal did NMBS sign?", 3);
      while (result.answer() == null && System.nanoTime() < deadline) {
        Thread.onSpinWait();
        result = archive.ask("Which hosting deal did NMBS sign?", 3);
      }
      assertNotNull(result.answer(), "the alias is understood after the edit");
      assertTrue(result.answer().article().id().startsWith("nimbus"));
    }
  }

  @Test
  void furtherArticlesExcludeTheAnswersOwnAndRespectTheLimit() throws IOException {
    try (Archive archive = Archive.open(index)) {
      AskResult result = archive.ask("Nimbus Cloud hosting deal", 2);
      assertEquals(1, result.hits().size());
      assertTrue(result.hits().stream().noneMatch(h -> h.id().equals(result.answer().article().id())));
    }
  }
}
