package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The bundled samples (data/) indexed with the real model, for the tests that ask questions of them. */
final class SampleIndex {
  private SampleIndex() {}

  /** Indexes data/ into {@code folder}/index, with vectors, and returns that index folder. */
  static Path build(Path folder) throws IOException {
    Path data = Path.of("..", "data").toAbsolutePath().normalize();
    assertTrue(Files.isDirectory(data), "the bundled samples are at " + data);
    Path index = folder.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
    }
    return index;
  }
}
