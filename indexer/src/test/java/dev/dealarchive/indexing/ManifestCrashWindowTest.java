package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash between a commit and the manifest save leaves committed files out of the manifest. Their articles must
 * still go when the files are deleted, by a folder sync and by a watcher's change list alike.
 */
class ManifestCrashWindowTest {
  @TempDir Path temp;

  private static String markdown(String id) {
    return "---\nid: " + id + "\ntitle: Deal " + id + "\n---\nBody of " + id + ".\n";
  }

  private Path indexWithOneFileMissingFromTheManifest(Path inbox, Path index) throws IOException {
    Files.writeString(inbox.resolve("kept.md"), markdown("kept"), StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
    Path manifest = index.resolve(FileManifest.FILE_NAME);
    Path before = temp.resolve("manifest-before.json");
    Files.copy(manifest, before);
    Path crashed = Files.writeString(inbox.resolve("crashed.md"), markdown("crashed"), StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
    Files.copy(before, manifest, StandardCopyOption.REPLACE_EXISTING); // as if killed before the manifest save
    assertEquals(2, count(index));
    return crashed;
  }

  private static int count(Path index) throws IOException {
    try (var directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return (int) ArticleBlocks.countArticles(reader);
    }
  }

  @Test
  void folderSyncRemovesArticlesOfADeletedFileTheManifestMissed() throws IOException {
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    Path index = temp.resolve("index");
    Files.delete(indexWithOneFileMissingFromTheManifest(inbox, index));
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertEquals(1, indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE).deleted());
    }
    assertEquals(1, count(index));
  }

  @Test
  void changeListRemovesArticlesOfADeletedFileTheManifestMissed() throws IOException {
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    Path index = temp.resolve("index");
    Path crashed = indexWithOneFileMissingFromTheManifest(inbox, index);
    Files.delete(crashed);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertEquals(
          1, indexer.indexChanges(List.of(crashed), IndexOptions.defaults(), IndexProgress.NONE).deleted());
    }
    assertEquals(1, count(index));
  }
}
