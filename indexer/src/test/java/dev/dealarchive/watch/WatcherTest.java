package dev.dealarchive.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatcherTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);

  @TempDir Path temp;
  Path inbox;
  Path index;
  Watcher watcher;
  Thread loop;
  final List<BatchReport> reports = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startWatcher() throws Exception {
    inbox = Files.createDirectories(temp.resolve("inbox"));
    index = temp.resolve("index");
    Files.writeString(inbox.resolve("first.md"), markdown("first", "First deal", "Helios signs with Kestrel."));
    WatchOptions options =
        WatchOptions.of(List.of(inbox), List.of()).withTimings(Duration.ofMillis(400), Duration.ofSeconds(2));
    watcher = Watcher.open(index, options, reports::add);
    loop = watcher.runInBackground("test-watcher");
    assertTrue(watcher.awaitStarted(WITHIN));
  }

  @AfterEach
  void stopWatcher() throws Exception {
    watcher.close();
    loop.join(WITHIN.toMillis());
  }

  private static String markdown(String id, String title, String body) {
    return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2026-04-28\nsource: Test Wire\n---\n" + body + "\n";
  }

  private List<String> ids() throws IOException {
    return IndexIds.of(index).stream().sorted().toList();
  }

  private void awaitIds(String... expected) throws Exception {
    List<String> sorted = List.of(expected).stream().sorted().toList();
    Eventually.await("ids " + sorted, WITHIN, () -> ids().equals(sorted));
  }

  @Test
  void startupSyncIndexesWhatIsAlreadyThere() throws Exception {
    awaitIds("first");
    assertEquals("startup sync", reports.get(0).what());
  }

  @Test
  void newFileIsSearchableByAnotherReaderWithinSeconds() throws Exception {
    try (Archive archive = Archive.open(index)) {
      Files.writeString(inbox.resolve("new.md"), markdown("new", "Orion buys Vega", "Orion acquires Vega Labs."));
      Eventually.await(
          "search finds the new article", WITHIN, () -> archive.search(SearchRequest.of("vega", 5)).total() == 1);
    }
    assertTrue(reports.stream().anyMatch(r -> r.what().equals("files") && r.added() == 1), reports.toString());
  }

  @Test
  void modifiedFileUpdatesItsArticle() throws Exception {
    awaitIds("first");
    Files.writeString(inbox.resolve("first.md"), markdown("first", "First deal", "Helios now partners with Orion."));
    Eventually.await(
        "updated body", WITHIN, () -> IndexIds.body(index, "first").contains("Orion"));
    awaitIds("first");
  }

  @Test
  void deletedFileRemovesItsArticle() throws Exception {
    Files.writeString(inbox.resolve("gone.md"), markdown("gone", "Short-lived", "Soon deleted."));
    awaitIds("first", "gone");
    Files.delete(inbox.resolve("gone.md"));
    awaitIds("first");
  }

  @Test
  void renamedFileKeepsItsArticlesAndIdsWithoutFrontMatterFollowThePath() throws Exception {
    Files.writeString(inbox.resolve("plain.txt"), "Vega joins Orion\nVega Labs joins the Orion network.");
    awaitIds("first", "plain.txt");
    Files.move(inbox.resolve("first.md"), inbox.resolve("renamed.md"));
    Files.createDirectories(inbox.resolve("sub"));
    Files.move(inbox.resolve("plain.txt"), inbox.resolve("sub/plain.txt"));
    awaitIds("first", "sub/plain.txt");
    assertTrue(IndexIds.body(index, "sub/plain.txt").contains("Orion network"));
  }

  @Test
  void fileWrittenSlowlyIsIndexedOnlyWhenComplete() throws Exception {
    awaitIds("first");
    Path slow = inbox.resolve("slow.md");
    try (OutputStream out = Files.newOutputStream(slow, StandardOpenOption.CREATE_NEW)) {
      out.write(markdown("slow", "Slow deal", "Part one.").getBytes(StandardCharsets.UTF_8));
      for (int part = 2; part <= 8; part++) {
        out.flush();
        assertFalse(ids().contains("slow"), "indexed while still being written");
        Thread.sleep(120); // the writer's pace, part of the scenario: slower than events, faster than the quiet period
        out.write(("Part " + part + ".\n").getBytes(StandardCharsets.UTF_8));
      }
      out.write("The end.\n".getBytes(StandardCharsets.UTF_8));
    }
    Eventually.await("complete article", WITHIN, () -> ids().contains("slow"));
    assertTrue(IndexIds.body(index, "slow").contains("The end."));
  }

  @Test
  void aSecondWriterIsToldTheIndexIsBusy() {
    IndexBusyException busy =
        assertThrows(
            IndexBusyException.class,
            () -> Watcher.open(index, WatchOptions.of(List.of(inbox), List.of()), report -> {}));
    assertTrue(busy.getMessage().contains("being updated by another process"));
  }

  @Test
  void stopCommitsAndReleasesTheIndex() throws Exception {
    awaitIds("first");
    watcher.stop();
    assertTrue(watcher.awaitFinished(WITHIN));
    try (Watcher next = Watcher.open(index, WatchOptions.of(List.of(inbox), List.of()), report -> {})) {
      assertFalse(next.isRunning());
    }
  }
}
