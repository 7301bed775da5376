package dev.dealarchive.bot;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.index.ArchiveIndexer;
import dev.dealarchive.index.ArchiveStats;
import dev.dealarchive.index.IndexOptions;
import dev.dealarchive.index.IndexProgress;
import dev.dealarchive.index.IndexSummary;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The archive on this machine's disk. Reads go through {@link Archive}, whose searcher refreshes in the background,
 * so articles another process indexes are answered from within seconds. When there is no index yet the bot still
 * starts (its health check says 503) and opens the index on the first call after one appears.
 */
public final class LocalArchive implements ArchiveGateway {

  /** Opens the read side of the archive. */
  @FunctionalInterface
  public interface Opener {
    /** Opens {@code indexDir}, or fails when there is no index there yet. */
    Archive open(Path indexDir) throws IOException;
  }

  private final Path indexDir;
  private final Opener opener;
  private Archive archive;

  private LocalArchive(Path indexDir, Opener opener, Archive archive) {
    this.indexDir = indexDir;
    this.opener = opener;
    this.archive = archive;
  }

  /** Opens the archive in {@code indexDir} now when it exists, later otherwise. */
  public static LocalArchive open(Path indexDir) {
    return open(indexDir, Archive::open);
  }

  /**
   * Opens with a custom opener (the command line's, which indexes the bundled sample data on first use).
   *
   * @param opener called now and, while it fails, again on later calls
   */
  public static LocalArchive open(Path indexDir, Opener opener) {
    Archive archive;
    try {
      archive = opener.open(indexDir);
    } catch (IOException e) {
      archive = null;
    }
    return new LocalArchive(indexDir, opener, archive);
  }

  private synchronized Archive archive() throws IOException {
    if (archive == null) {
      archive = opener.open(indexDir);
    }
    return archive;
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    return archive().ask(question, limit);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return archive().search(request);
  }

  @Override
  public List<SearchHit> latest(int n) throws IOException {
    return archive().latest(n);
  }

  @Override
  public ArchiveStats stats() throws IOException {
    return archive().stats();
  }

  @Override
  public long articleCount() throws IOException {
    return archive().articleCount();
  }

  /** Re-syncs the index's recorded inputs with one indexing thread, then makes the result searchable at once. */
  @Override
  public IndexSummary reindex() throws IOException {
    IndexSummary summary;
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      // One thread: the bot keeps answering while it reindexes.
      summary = indexer.reindex(new IndexOptions(null, 1, false), IndexProgress.NONE);
    }
    archive().refresh();
    return summary;
  }

  @Override
  public synchronized void close() throws IOException {
    if (archive != null) {
      archive.close();
      archive = null;
    }
  }
}
