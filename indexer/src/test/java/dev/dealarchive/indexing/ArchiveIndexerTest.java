package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.ReadListener;
import dev.dealarchive.read.ReadOptions;
import dev.dealarchive.read.Readers;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveIndexerTest {
  @TempDir Path temp;
  Path inbox;
  Path index;

  @BeforeEach
  void folders() throws IOException {
    inbox = Files.createDirectories(temp.resolve("inbox"));
    index = temp.resolve("index");
  }

  private Path write(String name, String text) throws IOException {
    Path file = inbox.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static String markdown(String id, String title, String body) {
    return "---\nid: " + id + "\ntitle: " + title + "\ndate: 2026-04-28\nsource: Test Wire\n---\n" + body + "\n";
  }

  private IndexSummary sync() throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      return indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private long count(String query) throws IOException {
    try (Archive archive = Archive.open(index)) {
      return archive.search(SearchRequest.of(query, 10)).total();
    }
  }

  private long articles() throws IOException {
    try (Archive archive = Archive.open(index)) {
      return archive.articleCount();
    }
  }

  @Test
  void newFilesAreAddedAndSearchable() throws IOException {
    write("a.md", markdown("a", "Helios licenses grid software", "Helios Grid licenses its software to Kestrel."));
    write("sub/b.txt", "Northwind invests in Kestrel\nNorthwind takes a 10% stake in Kestrel Bio.");
    IndexSummary summary = sync();
    assertEquals(2, summary.added());
    assertTrue(summary.skipped().isEmpty());
    assertEquals(1, count("stake"));
    assertEquals(2, count("kestrel"));
  }

  @Test
  void secondRunWithNothingChangedReportsEverythingUnchanged() throws IOException {
    write("a.md", markdown("a", "One", "First body."));
    write("b.md", markdown("b", "Two", "Second body."));
    sync();
    IndexSummary again = sync();
    assertEquals(0, again.added() + again.updated() + again.deleted());
    assertEquals(2, again.unchanged());
  }

  @Test
  void touchedButUnchangedFileIsConfirmedByHashAndNotRewritten() throws IOException {
    Path file = write("a.md", markdown("a", "One", "First body."));
    sync();
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    IndexSummary again = sync();
    assertEquals(1, again.unchanged());
    assertEquals(0, again.updated());
  }

  @Test
  void editedFileUpdatesItsArticleInPlace() throws IOException {
    Path file = write("a.md", markdown("a", "Deal", "The old terms."));
    sync();
    Files.writeString(file, markdown("a", "Deal", "The revised terms."), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    IndexSummary again = sync();
    assertEquals(1, again.updated());
    assertEquals(1, articles());
    assertEquals(1, count("revised"));
    assertEquals(0, count("old"));
  }

  @Test
  void deletedFileRemovesItsArticles() throws IOException {
    write("a.md", markdown("a", "Keep", "Kept body."));
    Path gone = write("b.md", markdown("b", "Remove", "Removed body."));
    sync();
    Files.delete(gone);
    IndexSummary again = sync();
    assertEquals(1, again.deleted());
    assertEquals(1, articles());
  }

  @Test
  void lineRemovedFromJsonLinesFileRemovesOnlyThatArticle() throws IOException {
    Path file =
        write(
            "feed.jsonl",
            "{\"id\":\"x1\",\"title\":\"First\",\"body\":\"one\"}\n{\"id\":\"x2\",\"title\":\"Second\",\"body\":\"two\"}\n");
    sync();
    Files.writeString(file, "{\"id\":\"x1\",\"title\":\"First\",\"body\":\"one\"}\n", StandardCharsets.UTF_8);
    IndexSummary again = sync();
    assertEquals(1, again.deleted());
    assertEquals(1, again.unchanged());
    assertEquals(1, articles());
  }

  @Test
  void sameStoryUnderTwoIdsIsStoredOnceAndReportedAsDuplicate() throws IOException {
    write(
        "wire.jsonl",
        "{\"id\":\"r1\",\"title\":\"ACME BUYS WIDGETCO\",\"body\":\"Acme said it bought Widgetco.\"}\n"
            + "{\"id\":\"r2\",\"title\":\"Acme buys Widgetco\",\"body\":\"Acme said it bought  Widgetco\"}\n");
    IndexSummary summary = sync();
    assertEquals(1, summary.added());
    assertEquals(1, summary.duplicates());
    assertTrue(summary.duplicateReports().get(0).reason().contains("r1"));
    assertEquals(2, summary.duplicateReports().get(0).line());
  }

  @Test
  void sameUrlUnderTwoIdsIsStoredOnce() throws IOException {
    write("a.md", "---\nid: a\ntitle: One\nurl: https://example.com/x\n---\nOne body.\n");
    write("b.md", "---\nid: b\ntitle: Two\nurl: https://example.com/x\n---\nAnother body.\n");
    IndexSummary summary = sync();
    assertEquals(1, summary.added());
    assertEquals(1, summary.duplicates());
  }

  @Test
  void articleWithNeitherTitleNorBodyIsSkippedWithItsLine() throws IOException {
    write("wire.jsonl", "{\"id\":\"r1\",\"title\":\"T\",\"body\":\"B\"}\n{\"id\":\"r2\",\"title\":\"\",\"body\":\"\"}\n");
    IndexSummary summary = sync();
    assertEquals(1, summary.added());
    assertEquals(1, summary.skipped().size());
    assertEquals(2, summary.skipped().get(0).line());
    assertTrue(summary.skipped().get(0).reason().contains("neither title nor body"));
  }

  @Test
  void articleWithTitleOnlyIsIndexed() throws IOException {
    write("wire.jsonl", "{\"id\":\"r1\",\"title\":\"Headline only\",\"body\":\"\"}\n");
    assertEquals(1, sync().added());
    assertEquals(1, count("headline"));
  }

  @Test
  void fileThatBecomesMalformedKeepsItsIndexedArticles() throws IOException {
    Path file = write("a.md", markdown("a", "Deal", "Original terms."));
    sync();
    Files.writeString(file, "---\nid: [unclosed\ntitle: x\n---\nbody\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
    IndexSummary again = sync();
    assertEquals(1, again.skipped().size());
    assertEquals(1, count("original"));
  }

  @Test
  void malformedLineKeepsTheOtherArticlesOfItsFile() throws IOException {
    write("wire.jsonl", "{\"id\":\"r1\",\"title\":\"T\",\"body\":\"fine\"}\n{not json\n{\"id\":\"r3\",\"title\":\"U\",\"body\":\"also\"}\n");
    IndexSummary summary = sync();
    assertEquals(2, summary.added());
    assertEquals(2, summary.skipped().get(0).line());
  }

  @Test
  void secondWriterIsToldTheIndexIsBusy() throws IOException {
    try (ArchiveIndexer first = ArchiveIndexer.open(index)) {
      IndexBusyException busy = assertThrows(IndexBusyException.class, () -> ArchiveIndexer.open(index));
      assertTrue(busy.getMessage().contains("being updated by another process"));
    }
  }

  @Test
  void failedRunLeavesTheIndexExactlyAsBefore() throws IOException {
    write("a.md", markdown("a", "Deal", "Original terms."));
    sync();
    write("b.md", markdown("b", "Other", "Other terms."));
    IndexProgress failing =
        new IndexProgress() {
          @Override
          public void fileFinished(Path file, long bytes) {
            throw new IllegalStateException("interrupted after " + file.getFileName());
          }
        };
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertThrows(IllegalStateException.class, () -> indexer.index(List.of(inbox), IndexOptions.defaults(), failing));
    }
    assertEquals(1, articles());
    assertEquals(0, count("other"));
    assertEquals(1, sync().added());
  }

  @Test
  void readerCrashSkipsTheFileAndTheRunGoesOn() throws IOException {
    write("a.md", markdown("a", "Deal", "Original terms."));
    write("b.md", markdown("b", "Other", "Other terms."));
    ArticleReader crashing =
        new ArticleReader() {
          @Override
          public String format() {
            return "crashing";
          }

          @Override
          public void read(Path file, ReadOptions options, ReadListener listener) {
            throw new IllegalStateException("parser bug");
          }
        };
    try (ArchiveIndexer indexer =
        ArchiveIndexer.open(
            index, file -> file.toString().endsWith("b.md") ? Optional.of(crashing) : Readers.forFile(file))) {
      IndexSummary summary = indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals(1, summary.added());
      assertTrue(summary.skipped().get(0).reason().contains("parser bug"));
    }
  }

  @Test
  void fullRebuildDropsArticlesOfInputsNoLongerGiven() throws IOException {
    write("a.md", markdown("a", "Deal", "Original terms."));
    sync();
    Path other = Files.createDirectories(temp.resolve("other"));
    Files.writeString(other.resolve("c.md"), markdown("c", "Other", "Other terms."), StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      IndexSummary summary =
          indexer.index(List.of(other), new IndexOptions(null, 2, true), IndexProgress.NONE);
      assertEquals(1, summary.added());
    }
    assertEquals(1, articles());
    assertEquals(0, count("original"));
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertEquals(List.of(other.toAbsolutePath().normalize()), indexer.recordedInputs());
    }
  }

  @Test
  void reindexResyncsTheInputsOfEarlierRuns() throws IOException {
    write("a.md", markdown("a", "Deal", "Original terms."));
    sync();
    write("b.md", markdown("b", "Other", "Other terms."));
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertEquals(1, indexer.reindex(IndexOptions.defaults(), IndexProgress.NONE).added());
    }
  }

  @Test
  void missingInputIsReportedAsSkipped() throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      IndexSummary summary =
          indexer.index(List.of(temp.resolve("nope")), IndexOptions.defaults(), IndexProgress.NONE);
      assertEquals("no such file or folder", summary.skipped().get(0).reason());
    }
  }

  @Test
  void renamedFileWithoutIdKeepsItsArticleUnderTheNewName() throws IOException {
    Path old = write("old-name.md", "# Kestrel signs with Helios\n\nKestrel Bio signed a supply deal with Helios Grid.\n");
    sync();
    Files.move(old, inbox.resolve("new-name.md"));
    IndexSummary again = sync();
    assertEquals(1, again.added());
    assertEquals(1, again.deleted());
    assertEquals(0, again.duplicates());
    assertEquals(1, articles());
    assertEquals(1, count("kestrel"));
  }

  @Test
  void storyMovedToAnEarlierFileUnderAnotherIdIsStoredNotLost() throws IOException {
    Path later = write("z-old.md", markdown("old-id", "Helios buys a stake", "Helios Grid buys a stake in Kestrel Bio."));
    sync();
    // The new copy is read first (a- sorts before z-), while its old copy still stands in the index.
    write("a-new.md", markdown("new-id", "Helios buys a stake", "Helios Grid buys a stake in Kestrel Bio."));
    Files.writeString(later, markdown("other-id", "Something else", "An unrelated story."), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(later, FileTime.from(Instant.now().plusSeconds(60)));
    IndexSummary again = sync();
    assertEquals(0, again.duplicates(), again.duplicateReports().toString());
    assertEquals(2, articles());
    assertEquals(1, count("kestrel"));
    assertEquals(1, count("unrelated"));
    assertEquals(2, sync().unchanged());
  }
}
