package dev.dealarchive.bot;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.fetch.FetchOptions;
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
import java.util.List;
import java.util.function.Predicate;

/**
 * The bot's archive: an {@link ArchiveEngine}, by default the index folder on this machine's disk ({@link
 * EmbeddedEngine}). Reads refresh in the background, so articles another process indexes are answered within
 * seconds. When there is no index yet the bot still starts (its health check says 503) and opens the index on the
 * first call after one appears.
 *
 * <p>Writes ({@link #add} and {@link #reindex}) of the embedded engine run one at a time, so this bot never finds the
 * index locked by itself; a write of another process (a running {@code archive watch}) makes an add queue its
 * article for that writer instead.
 */
public final class LocalArchive implements ArchiveGateway {
  /** Opens the read side of the archive. */
  @FunctionalInterface
  public interface Opener {
    /** Opens {@code indexDir}, or fails when there is no index there yet. */
    Archive open(Path indexDir) throws IOException;
  }

  private final ArchiveEngine engine;

  private LocalArchive(ArchiveEngine engine) {
    this.engine = engine;
  }

  /** The bot's archive over any engine (a cluster's included); closing it closes the engine. */
  public static LocalArchive over(ArchiveEngine engine) {
    return new LocalArchive(engine);
  }

  /**
   * Opens the archive in {@code indexDir} on the first call that reads it; {@link #add} fetches with {@link
   * FetchOptions#defaults()}, which refuse internal addresses.
   */
  public static LocalArchive open(Path indexDir) {
    return open(indexDir, dir -> IndexFolder.at(dir).openReader(AnswerSettings.defaults()));
  }

  /**
   * Opens with a custom opener; {@link #add} fetches with {@link FetchOptions#defaults()}, which refuse internal
   * addresses.
   *
   * @param opener called on the first read and, while it fails, again on later calls
   */
  public static LocalArchive open(Path indexDir, Opener opener) {
    return open(indexDir, opener, FetchOptions.defaults());
  }

  /**
   * Opens with a custom opener and the limits {@link #add} fetches with.
   *
   * @param opener called on the first read and, while it fails, again on later calls
   * @param fetchOptions the fetch limits and address rules for {@link #add}; tests allow loopback here, everything
   *     else should pass {@link FetchOptions#defaults()}
   */
  public static LocalArchive open(Path indexDir, Opener opener, FetchOptions fetchOptions) {
    return new LocalArchive(EmbeddedEngine.withReader(indexDir, opener::open, fetchOptions));
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    return engine.ask(question, limit);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return engine.search(request);
  }

  @Override
  public List<SearchHit> latest(int n) throws IOException {
    return engine.latest(n);
  }

  @Override
  public ArchiveStats stats() throws IOException {
    return engine.stats();
  }

  @Override
  public long articleCount() throws IOException {
    return engine.articleCount();
  }

  /**
   * Re-syncs the index's recorded inputs with one indexing thread, then makes the result searchable at once. Waits
   * for an add of this bot that is under way.
   */
  @Override
  public IndexSummary reindex() throws IOException {
    // One thread: the bot keeps answering while it reindexes.
    return engine.reindex(new IndexOptions(null, 1, false), IndexProgress.NONE);
  }

  /**
   * Fetches and stores the article through the engine, creating the index when there is none, and makes a stored
   * article searchable at once. Waits for a reindex or another add of this bot that is under way.
   */
  @Override
  public AddResult add(String url) {
    return engine.add(url);
  }

  @Override
  public List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    return engine.articleIdsExcept(known);
  }

  @Override
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    return engine.searchAmong(query, ids, limit);
  }

  @Override
  public void close() throws IOException {
    engine.close();
  }
}
