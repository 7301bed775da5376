package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Odd inputs to {@code archive index}: each is reported with its reason, none hangs or hides. */
class IndexInputsTest {
  @TempDir Path temp;

  private static Outcome run(String... args) {
    return Outcome.run(args);
  }

  @Test
  void namedPipeGivenAsAnArgumentIsSkippedNotRead() throws Exception {
    Path pipe = temp.resolve("pipe.md");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());

    Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> run("index", "--index", temp.resolve("idx").toString(), pipe.toString()));

    assertEquals(ExitCodes.SKIPPED, outcome.exit(), outcome.out() + outcome.err());
    assertTrue(outcome.out().contains("not a regular file"), outcome.out());
  }

  @Test
  void danglingSymbolicLinkInAFolderIsReportedWithExitTwo() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("in"));
    Files.writeString(folder.resolve("good.md"), "# Good\n\nAcme signed a deal.\n", StandardCharsets.UTF_8);
    Files.createSymbolicLink(folder.resolve("moved.md"), folder.resolve("gone.md"));

    Outcome outcome = run("index", "--index", temp.resolve("idx").toString(), folder.toString());

    assertEquals(ExitCodes.SKIPPED, outcome.exit(), outcome.out() + outcome.err());
    assertTrue(outcome.out().contains("moved.md") && outcome.out().contains("dangling"), outcome.out());
  }

  @Test
  void fullRebuildReportsTheArticlesItDropped() throws IOException {
    Path first = Files.createDirectories(temp.resolve("first"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(first.resolve("a" + i + ".md"), "# First " + i + "\n\nAcme deal " + i + ".\n",
          StandardCharsets.UTF_8);
    }
    Path second = Files.createDirectories(temp.resolve("second"));
    Files.writeString(second.resolve("b.md"), "# Second\n\nGlobex deal.\n", StandardCharsets.UTF_8);
    String index = temp.resolve("idx").toString();
    assertEquals(0, run("index", "--index", index, first.toString()).exit());

    Outcome rebuilt = run("index", "--index", index, "--full", second.toString());

    assertEquals(0, rebuilt.exit(), rebuilt.out() + rebuilt.err());
    assertTrue(rebuilt.out().contains("3 deleted"), rebuilt.out());
  }

  @Test
  void removeForgetsAnInputAndItsArticlesForGood() throws IOException {
    Path keep = Files.createDirectories(temp.resolve("keep"));
    Files.writeString(keep.resolve("k.md"), "# Keep\n\nGlobex deal.\n", StandardCharsets.UTF_8);
    Path old = Files.createDirectories(temp.resolve("old"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(old.resolve("o" + i + ".md"), "# Old " + i + "\n\nAcme deal " + i + ".\n",
          StandardCharsets.UTF_8);
    }
    String index = temp.resolve("idx").toString();
    assertEquals(0, run("index", "--index", index, keep.toString(), old.toString()).exit());

    Outcome removed = run("remove", "--index", index, old.toString());
    Outcome resync = run("index", "--index", index, "--json");
    Outcome unknown = run("remove", "--index", index, temp.resolve("never").toString());

    assertEquals(0, removed.exit(), removed.out() + removed.err());
    assertTrue(removed.out().contains("3 articles"), removed.out());
    assertEquals(0, resync.exit(), resync.out() + resync.err());
    assertTrue(resync.out().contains("\"added\":0"), "the removed folder is not read again: " + resync.out());
    Outcome stats = run("stats", "--index", index, "--json");
    assertTrue(stats.out().contains("\"articles\":1"), stats.out());
    assertEquals(ExitCodes.SKIPPED, unknown.exit(), unknown.out() + unknown.err());
    assertTrue(unknown.err().contains("not an input"), unknown.err());
    Outcome inside = run("remove", "--index", index, keep.resolve("k.md").toString());
    assertEquals(ExitCodes.SKIPPED, inside.exit(), inside.out() + inside.err());
    assertTrue(inside.err().contains("inside the indexed folder"), inside.err());
  }

  @Test
  void feedsRemoveForgetsTheFeedAndItsArticles() throws Exception {
    Path index = temp.resolve("idx");
    String feed = "https://news.example/deals.rss";
    try (dev.dealarchive.indexing.ArchiveIndexer indexer = dev.dealarchive.indexing.ArchiveIndexer.open(index)) {
      indexer.indexDrafts(feed, java.util.List.of(
          new dev.dealarchive.article.ArticleDraft(null, "One", "Acme deal one.", null, "Wire",
              "https://news.example/1", java.util.List.of(), java.util.List.of(), 0),
          new dev.dealarchive.article.ArticleDraft(null, "Two", "Acme deal two.", null, "Wire",
              "https://news.example/2", java.util.List.of(), java.util.List.of(), 0)));
    }
    dev.dealarchive.indexing.FeedStates.load(index).update(feed, state -> new dev.dealarchive.indexing.FeedState(
        state.url(), null, null, "2026-11-30T09:15:02.123456Z", null, null, 2, java.util.List.of()));
    String listed = run("feeds", "--index", index.toString()).out();
    assertTrue(listed.contains(feed) && listed.contains("last poll 2026-11-30T09:15:02Z,"), listed);

    Outcome removed = run("feeds", "remove", "--index", index.toString(), feed);

    assertEquals(0, removed.exit(), removed.out() + removed.err());
    assertTrue(removed.out().contains("2 articles"), removed.out());
    assertFalse(run("feeds", "--index", index.toString()).out().contains(feed));
    assertTrue(run("stats", "--index", index.toString(), "--json").out().contains("\"articles\":0"));
  }

  @Test
  void aBusyIndexNamesItsHolderAndQuotesThePath() throws Exception {
    Path index = temp.resolve("busy index");
    try (dev.dealarchive.indexing.ArchiveIndexer holder = dev.dealarchive.indexing.ArchiveIndexer.open(index)) {
      Outcome outcome = run("index", "--index", index.toString(), temp.toString());

      assertEquals(ExitCodes.FAILED, outcome.exit());
      assertTrue(outcome.err().contains("index \"" + index + "\" is being updated by another process ("),
          outcome.err());
      assertTrue(outcome.err().contains("in this process") || outcome.err().contains("pid "), outcome.err());
    }
    assertEquals(0, run("index", "--index", index.toString(), Files.createDirectories(temp.resolve("e")).toString())
        .exit(), "the lock and its record are released");
  }

  @Test
  void samplesAreIndexedUnaskedOnlyInTheProjectFolder() throws IOException {
    Path project = Files.createDirectories(temp.resolve("project"));
    Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));

    assertTrue(IndexLocation.isProjectFolder(project, project.toString()));
    assertFalse(IndexLocation.isProjectFolder(elsewhere, project.toString()),
        "a command run in another folder must not fill ./index there with the samples");
    assertFalse(IndexLocation.isProjectFolder(elsewhere, null));
    Files.createDirectories(elsewhere.resolve("data"));
    Files.writeString(elsewhere.resolve("data").resolve("microsoft-openai-2026-04-28.md"), "# x\n");
    assertTrue(IndexLocation.isProjectFolder(elsewhere, null), "a checkout run without the launcher");
  }

  @Test
  void anUnchangedSkippedFileIsReportedOnceThenSummarisedAndTheRerunExitsZero() throws IOException {
    Path folder = Files.createDirectories(temp.resolve("in"));
    Files.writeString(folder.resolve("good.md"), "# Good\n\nAcme signed a deal.\n", StandardCharsets.UTF_8);
    Files.write(folder.resolve("bad.txt"), new byte[] {'a', 0, 'b'});
    Files.writeString(folder.resolve("records.jsonl"), "{\"id\":\"r1\",\"title\":\"One\",\"body\":\"Acme.\"}\n"
        + "{not json\n", StandardCharsets.UTF_8);
    Files.writeString(folder.resolve("empty.jsonl"), "{\"id\":\"e1\",\"title\":\"E\",\"body\":\"Acme.\"}\n"
        + "{\"id\":\"e2\"}\n", StandardCharsets.UTF_8);
    String index = temp.resolve("idx").toString();

    Outcome first = run("index", "--index", index, folder.toString());
    Outcome second = run("index", "--index", index, folder.toString());
    Files.write(folder.resolve("bad.txt"), new byte[] {'c', 0, 'd', 'e'});
    Outcome third = run("index", "--index", index, folder.toString());

    assertEquals(ExitCodes.SKIPPED, first.exit(), first.out());
    assertTrue(first.out().contains("bad.txt") && first.out().contains("records.jsonl"), first.out());
    assertEquals(ExitCodes.OK, second.exit(), second.out());
    assertTrue(second.out().contains("3 skipped as in earlier runs"), second.out());
    assertFalse(second.out().contains("bad.txt"), second.out());
    assertEquals(ExitCodes.SKIPPED, third.exit(), "a changed file that is still bad is news: " + third.out());
    assertTrue(third.out().contains("bad.txt"), third.out());
  }

  @Test
  void aFullDiskIsReportedAsSuchNotAsAClosedWriter() {
    FileSystemException full = new FileSystemException("/data/index/_0.cfs", null, "No space left on device");

    String message = Messages.describe(new AlreadyClosedException("this IndexWriter is closed", full));

    assertTrue(message.contains("No space left on device"), message);
    assertTrue(message.contains("/data/index/_0.cfs"), message);
    assertFalse(message.contains("IndexWriter is closed"), message);
  }
}
