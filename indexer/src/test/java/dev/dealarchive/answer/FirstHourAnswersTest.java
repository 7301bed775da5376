package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.BundledData;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a newcomer asks in the first hour: the answer is news, never a note about the article; "new" means recent. */
class FirstHourAnswersTest {
  @TempDir Path temp;

  private Path index(Path... inputs) throws IOException {
    Path index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inputs), IndexOptions.defaults(), IndexProgress.NONE);
    }
    return index;
  }

  @Test
  void notesAboutTheArticleAreNeverTheAnswer() throws IOException {
    try (Archive archive = Archive.open(index(BundledData.folder()))) {
      for (String question : List.of("tell me about Kestrel", "Kestrel Bio", "is the Kestrel agreement fictional?",
          "what about the Microsoft OpenAI summary?")) {
        AskResult result = archive.ask(question, 3);
        String passage = result.answer() == null ? "" : result.answer().passage().text();
        assertFalse(passage.contains("written for the archive"), question + " -> " + passage);
        assertFalse(passage.startsWith("Note:"), question + " -> " + passage);
      }
      AskResult kestrel = archive.ask("tell me about Kestrel", 3);
      assertTrue(kestrel.answer() != null && kestrel.answer().passage().text().contains("Kestrel"),
          "a Kestrel sentence answers: " + kestrel.answer());
    }
  }

  @Test
  void noteSentencesAreRecognised() {
    assertTrue(ArticleNotes.isNote("Sample article written for the archive: Kestrel Bio and this agreement are "
        + "fictional."));
    assertTrue(ArticleNotes.isNote("Note: this article is a summary written for the archive's samples."));
    assertTrue(ArticleNotes.isNote("Editor\u2019s note: an earlier version misstated the stake."));
    assertFalse(ArticleNotes.isNote("Kestrel Bio notes that the deal runs for three years."));
    assertFalse(ArticleNotes.isNote("OpenAI will pay Microsoft a revenue share capped at 20% through 2030."));
    // Any case, as the pattern reads it, though only sentences with a note word reach the pattern.
    assertTrue(ArticleNotes.isNote("EDITOR'S NOTE: corrects the stake."));
    assertTrue(ArticleNotes.isNote("This STORY IS FICTIONAL and names no real company."));
    assertTrue(ArticleNotes.isNote("  DISCLOSURE - the author holds shares."));
    assertFalse(ArticleNotes.isNote("Shares rose 5 pct on the news, the company said."));
  }

  @Test
  void newInAQuestionPrefersRecentArticlesAsLatestDoes() throws IOException {
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    article(inbox, "old.md", "nimbus-2024", "2024-03-01", "Nimbus Cloud signs a hosting deal with Orbital Foods",
        "Nimbus Cloud signed a hosting deal with Orbital Foods. The hosting deal runs for two years.");
    article(inbox, "new.md", "nimbus-2026", "2026-09-15", "Nimbus Cloud signs a hosting deal with Quarry Mobility",
        "Nimbus Cloud signed a hosting deal with Quarry Mobility. The hosting deal runs for five years.");
    try (Archive archive = Archive.open(index(inbox))) {
      assertEquals("nimbus-2026", archive.ask("anything new on Nimbus Cloud hosting deals?", 3).answer().article().id());
      assertEquals("nimbus-2026", archive.ask("what's new with Nimbus Cloud hosting?", 3).answer().article().id());
    }
  }

  private static void article(Path folder, String name, String id, String date, String title, String body)
      throws IOException {
    Files.writeString(folder.resolve(name),
        "---\nid: " + id + "\ntitle: " + title + "\ndate: " + date + "\nsource: Test Wire\n---\n" + body + "\n",
        StandardCharsets.UTF_8);
  }
}
