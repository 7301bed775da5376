package dev.dealarchive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running reader (the bot) notices when its index folder is deleted and built again at the same path. */
class ArchiveReplacedIndexTest {
  @TempDir Path temp;

  private static void build(Path index, Path... inputs) throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inputs), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static Path articles(Path folder, int count) throws IOException {
    Files.createDirectories(folder);
    for (int i = 0; i < count; i++) {
      Files.writeString(folder.resolve("a" + i + ".md"), "# Deal " + folder.getFileName() + " " + i
          + "\n\nAcme signed deal number " + i + ".\n", StandardCharsets.UTF_8);
    }
    return folder;
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  @Test
  void replacedIndexIsReopened() throws Exception {
    Path index = temp.resolve("index");
    build(index, articles(temp.resolve("many"), 7));
    try (Archive archive = Archive.open(index)) {
      assertEquals(7, archive.articleCount());

      delete(index);
      build(index, articles(temp.resolve("few"), 3));

      long deadline = System.nanoTime() + 15_000_000_000L;
      while (archive.articleCount() != 3 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals(3, archive.articleCount(), "the archive still serves the deleted index");
      assertEquals(3, archive.search(new dev.dealarchive.search.SearchRequest("acme", 10, 0,
          dev.dealarchive.search.SortOrder.RELEVANCE)).total());
    }
  }
}
