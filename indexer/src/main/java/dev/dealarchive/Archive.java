package dev.dealarchive;

import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Answerer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.indexing.IndexStatistics;
import dev.dealarchive.indexing.SchemaCheck;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive, opened for reading: search, answers, latest articles and figures.
 *
 * <p>One {@link SearcherManager} serves all calls; a background thread refreshes it every second, so articles
 * committed by any process (an {@code archive index} run, a watcher, the bot's own reindex) become searchable
 * without reopening. Every call acquires a searcher and releases it in {@code finally}. Thread-safe; close it once.
 */
public final class Archive implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Archive.class);
  private static final AtomicInteger REFRESHERS = new AtomicInteger();

  private final Path indexDir;
  private final Directory directory;
  private final SearcherManager searchers;
  private final ScheduledExecutorService refresher;
  private final Answerer answerer;

  private Archive(Path indexDir, Directory directory, SearcherManager searchers, Answerer answerer) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.searchers = searchers;
    this.answerer = answerer;
    this.refresher =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "archive-refresh-" + REFRESHERS.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    refresher.scheduleWithFixedDelay(this::refreshQuietly, 1, 1, TimeUnit.SECONDS);
  }

  /**
   * Opens the index in {@code indexDir} for reading.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive open(Path indexDir) throws IOException {
    return open(indexDir, AnswerSettings.defaults());
  }

  /**
   * Opens the index in {@code indexDir} for reading, answering questions with the given ranking settings.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive open(Path indexDir, AnswerSettings settings) throws IOException {
    return open(indexDir, Answerer.withDefaults(indexDir, settings));
  }

  /**
   * Opens the index in {@code indexDir} for reading, answering questions with {@code answerer}.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive open(Path indexDir, Answerer answerer) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new NoSuchFileException(indexDir.toString(), null, "no index here; run `archive index` first");
    }
    Directory directory = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoSuchFileException(indexDir.toString(), null, "no index here; run `archive index` first");
      }
      SchemaCheck.require(directory, indexDir);
      SearcherManager searchers = new SearcherManager(directory, null);
      return new Archive(indexDir, directory, searchers, answerer);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The index directory. */
  public Path indexDir() {
    return indexDir;
  }

  /** Runs a search. */
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(searcher -> ArticleSearch.search(searcher, request));
  }

  /**
   * Answers a question.
   *
   * @param limit how many articles to return in all, the answer's article included
   */
  public AskResult ask(String question, int limit) throws IOException {
    return withSearcher(searcher -> answerer.ask(searcher, question, limit));
  }

  /** The newest {@code n} articles, newest first. */
  public List<SearchHit> latest(int n) throws IOException {
    return withSearcher(
        searcher -> {
          TopFieldDocs top = searcher.search(ArticleBlocks.articles(), Math.max(1, n), ArticleSearch.newestOrder());
          return ArticleSearch.hits(searcher, top, 0, new MatchTerms(Set.of(), Set.of()), false);
        });
  }

  /** Figures about the index. */
  public ArchiveStats stats() throws IOException {
    return withSearcher(searcher -> IndexStatistics.of(searcher, directory));
  }

  /** Figures about the vectors: model, passages, articles still waiting for vectors. */
  public VectorStats vectorStats() throws IOException {
    return withSearcher(IndexStatistics::vectors);
  }

  /** Number of articles in the current searcher. */
  public long articleCount() throws IOException {
    return withSearcher(ArticleBlocks::countArticles);
  }

  /**
   * The ranking of articles for a question, without passages, as {@link #ask} ranks them before reading passages:
   * for evaluation.
   */
  public List<ScoredArticle> rank(String question, int depth) throws IOException {
    return withSearcher(searcher -> answerer.rank(searcher, question, depth));
  }

  /** The ranking of a search, without snippets: for evaluation. */
  public List<ScoredArticle> rankSearch(String query, int depth) throws IOException {
    return withSearcher(searcher -> ArticleSearch.rank(searcher, query, depth));
  }

  /** Runs {@code work} with an acquired searcher, released afterwards; for tools that read the index directly. */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return work.apply(searcher);
    } finally {
      searchers.release(searcher);
    }
  }

  /** Work done with an acquired searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Makes the latest commit searchable now instead of within a second. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  private void refreshQuietly() {
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.warn("refreshing the searcher of {} failed; will retry: {}", indexDir, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    refresher.shutdownNow();
    try {
      refresher.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      searchers.close();
    } finally {
      directory.close();
    }
  }
}
