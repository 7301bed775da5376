package dev.dealarchive.bot;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.fetch.ArticleAdder;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive on this machine's disk. Reads go through {@link Archive}, whose searcher refreshes in the background,
 * so articles another process indexes are answered from within seconds. When there is no index yet the bot still
 * starts (its health check says 503) and opens the index on the first call after one appears.
 *
 * <p>Writes ({@link #add} and {@link #reindex}) run one at a time, so this bot never finds the index locked by
 * itself; a write of another process (a running {@code archive watch}) makes an add queue its article for that
 * writer instead.
 */
public final class LocalArchive implements ArchiveGateway {
  private static final Logger LOG = LoggerFactory.getLogger(LocalArchive.class);

  /** Opens the read side of the archive. */
  @FunctionalInterface
  public interface Opener {
    /** Opens {@code indexDir}, or fails when there is no index there yet. */
    Archive open(Path indexDir) throws IOException;
  }

  private final Path indexDir;
  private final Opener opener;
  private final FetchOptions fetchOptions;
  private final ReentrantLock writes = new ReentrantLock();
  private Archive archive;
  /** Index segments whose every article id the bot has seen: skipped when looking for new ones. */
  private final Set<Object> knownSegments = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private LocalArchive(Path indexDir, Opener opener, FetchOptions fetchOptions, Archive archive) {
    this.indexDir = indexDir;
    this.opener = opener;
    this.fetchOptions = fetchOptions;
    this.archive = archive;
  }

  /**
   * Opens the archive in {@code indexDir} now when it exists, later otherwise; {@link #add} fetches with {@link
   * FetchOptions#defaults()}, which refuse internal addresses.
   */
  public static LocalArchive open(Path indexDir) {
    return open(indexDir, Archive::open);
  }

  /**
   * Opens with a custom opener (the command line's, which indexes the bundled sample data on first use); {@link #add}
   * fetches with {@link FetchOptions#defaults()}, which refuse internal addresses.
   *
   * @param opener called now and, while it fails, again on later calls
   */
  public static LocalArchive open(Path indexDir, Opener opener) {
    return open(indexDir, opener, FetchOptions.defaults());
  }

  /**
   * Opens with a custom opener and the limits {@link #add} fetches with.
   *
   * @param opener called now and, while it fails, again on later calls
   * @param fetchOptions the fetch limits and address rules for {@link #add}; tests allow loopback here, everything
   *     else should pass {@link FetchOptions#defaults()}
   */
  public static LocalArchive open(Path indexDir, Opener opener, FetchOptions fetchOptions) {
    Archive archive;
    try {
      archive = opener.open(indexDir);
    } catch (IOException e) {
      archive = null;
    }
    return new LocalArchive(indexDir, opener, fetchOptions, archive);
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

  /**
   * Re-syncs the index's recorded inputs with one indexing thread, then makes the result searchable at once. Waits
   * for an add of this bot that is under way.
   */
  @Override
  public IndexSummary reindex() throws IOException {
    IndexSummary summary;
    writes.lock();
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      // One thread: the bot keeps answering while it reindexes.
      summary = indexer.reindex(new IndexOptions(null, 1, false), IndexProgress.NONE);
    } finally {
      writes.unlock();
    }
    archive().refresh();
    return summary;
  }

  /**
   * Fetches and stores the article with an {@link ArticleAdder} for this index, creating the index when there is none,
   * and makes a stored article searchable at once. Waits for a reindex or another add of this bot that is under way.
   */
  @Override
  public AddResult add(String url) {
    AddResult result;
    writes.lock();
    try (ArticleAdder adder = ArticleAdder.forIndex(indexDir, fetchOptions)) {
      result = adder.add(url);
    } finally {
      writes.unlock();
    }
    if (result.status() == AddResult.Status.ADDED || result.status() == AddResult.Status.UPDATED) {
      try {
        archive().refresh();
      } catch (IOException | RuntimeException e) {
        // Stored and committed all the same; the background refresh makes it searchable shortly.
        LOG.warn("refreshing the searcher after an add failed: {}", e.toString());
      }
    }
    return result;
  }

  @Override
  public List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    return archive().articleIdsExcept(known, knownSegments);
  }

  @Override
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    return archive().searchAmong(query, ids, limit);
  }

  @Override
  public synchronized void close() throws IOException {
    if (archive != null) {
      archive.close();
      archive = null;
    }
  }
}
