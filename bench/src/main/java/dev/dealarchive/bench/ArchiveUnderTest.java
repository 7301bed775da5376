package dev.dealarchive.bench;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.read.ReadOptions;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The archive under test, driven through its public API exactly as the command line drives it. */
final class ArchiveUnderTest {
  /** Hits per search, as {@code archive search} shows by default. */
  static final int TOP = 10;
  /** Articles per answer, as {@code archive ask} shows by default. */
  static final int ASK_LIMIT = 5;

  private ArchiveUnderTest() {}

  /**
   * Builds a new index of {@code corpus} in the empty or absent folder {@code indexDir}: opens the writer, indexes,
   * commits, closes.
   */
  static BuildResult build(Path corpus, Path indexDir, int threads) throws IOException {
    long start = System.nanoTime();
    IndexSummary summary = sync(corpus, indexDir, threads);
    long wall = System.nanoTime() - start;
    if (summary.added() == 0) {
      throw new IOException("indexing " + corpus + " stored no article" + describeSkips(summary));
    }
    return new BuildResult("archive", threads, summary.added(), Files.size(corpus), wall, sizeOf(indexDir));
  }

  /**
   * Syncs the index with {@code corpus} again when nothing changed, as {@code archive index} does, and returns the
   * wall time of opening the writer, syncing and closing, in nanoseconds.
   */
  static long resync(Path corpus, Path indexDir, int threads) throws IOException {
    long start = System.nanoTime();
    IndexSummary summary = sync(corpus, indexDir, threads);
    long wall = System.nanoTime() - start;
    if (summary.changedAnything()) {
      throw new IOException("a resync of an unchanged corpus changed the index: " + summary);
    }
    return wall;
  }

  /**
   * Opens the index folder's writer, syncs it with {@code corpus} keyword-only (as {@code archive index --no-vectors};
   * the vectors phase measures embedding on its own), commits and closes.
   */
  private static IndexSummary sync(Path corpus, Path indexDir, int threads) throws IOException {
    try (ArchiveWriter writer = IndexFolder.at(indexDir).openWriter()) {
      return writer.index(List.of(corpus), new IndexOptions(ReadOptions.defaults(), threads, false, false),
          IndexProgress.NONE);
    }
  }

  /** A search client over an open archive: top {@value #TOP} with snippets. */
  static LoadDriver.Client searcher(Archive archive, List<String> queries) {
    return i -> {
      SearchResult result = archive.search(SearchRequest.of(queries.get(i), TOP));
      return result.hits().size() + (result.hits().isEmpty() ? 0 : result.hits().get(0).snippet().text().length());
    };
  }

  /** An ask client over an open archive: {@value #ASK_LIMIT} articles with passages. */
  static LoadDriver.Client asker(Archive archive, List<String> questions) {
    return i -> {
      AskResult result = archive.ask(questions.get(i), ASK_LIMIT);
      return result.hits().size() + (result.answer() == null ? 0 : result.answer().passage().text().length());
    };
  }

  /** Size of the files under {@code folder}, in bytes. */
  static long sizeOf(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(ArchiveUnderTest::sizeQuietly).sum();
    }
  }

  private static long sizeQuietly(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static String describeSkips(IndexSummary summary) {
    return summary.skipped().isEmpty() ? "" : ": " + summary.skipped().get(0).reason();
  }
}
