package dev.dealarchive;

import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Answerer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.hybrid.HybridReranker;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.QueryEmbedder;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.indexing.IndexStatistics;
import dev.dealarchive.indexing.SchemaCheck;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.search.ArticleIds;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.FacetCounts;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.Reranker;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive, opened for reading: search, answers, latest articles and figures.
 *
 * <p>One {@link SearcherManager} serves all calls; a background thread refreshes it every second, so articles
 * committed by any process (an {@code archive index} run, a watcher, the bot's own reindex) become searchable
 * without reopening; an index folder deleted and built again at the same path is reopened on the same tick. Every call
 * acquires a searcher and releases it in {@code finally}. Thread-safe; close it once.
 */
public final class Archive implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Archive.class);
  private static final AtomicInteger REFRESHERS = new AtomicInteger();

  private final Path indexDir;
  /** The open index: replaced as a whole when the index folder is replaced. */
  private volatile Opened opened;
  private final ScheduledExecutorService refresher;
  private final Answerer answerer;
  private final QueryEmbedder embedder;
  private final Reranker reranker;

  /**
   * An opened index folder.
   *
   * @param identity the folder's identity (file key, else creation time): a folder deleted and built again at the
   *     same path has another, and is reopened
   */
  private record Opened(Directory directory, SearcherManager searchers, Object identity) {
    void close() throws IOException {
      try {
        searchers.close();
      } finally {
        directory.close();
      }
    }
  }

  private Archive(Path indexDir, Opened opened, Answerer answerer, QueryEmbedder embedder, Reranker reranker) {
    this.indexDir = indexDir;
    this.opened = opened;
    this.answerer = answerer;
    this.embedder = embedder;
    this.reranker = reranker;
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
    return open(indexDir, settings, HybridSettings.defaults(), false);
  }

  /**
   * Opens the index in {@code indexDir} for reading, answering questions with the given ranking settings, by meaning
   * as well as words as {@code hybrid} says when the index has vectors (the model loads on the first question), and
   * ranking relevance-sorted searches the same way.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive open(Path indexDir, AnswerSettings settings, HybridSettings hybrid) throws IOException {
    return open(indexDir, settings, hybrid, true);
  }

  /**
   * Opens the index in {@code indexDir} for reading: questions are answered by meaning as well as words when the index
   * has vectors and a model is on the class path (loaded on the first question only); searches rank by words, so a
   * search starts as fast as in a keyword-only archive. This is how commands, the bot and the web page read.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive openAnswering(Path indexDir, AnswerSettings settings, HybridSettings hybrid) throws IOException {
    return open(indexDir, settings, hybrid, false);
  }

  /**
   * @param searchByMeaning whether relevance-sorted searches are ranked by meaning too; without it a search loads no
   *     model and starts as fast as a keyword-only archive
   */
  private static Archive open(Path indexDir, AnswerSettings settings, HybridSettings hybrid, boolean searchByMeaning)
      throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new NoSuchFileException(indexDir.toString(), null, "no index here; run `archive index` first");
    }
    Opened opened = openFolder(indexDir);
    QueryEmbedder embedder = QueryEmbedder.fromClassPath();
    return new Archive(
        indexDir,
        opened,
        Answerer.withDefaults(indexDir, settings, hybrid, embedder),
        embedder,
        searchByMeaning ? new HybridReranker(embedder, hybrid) : Reranker.NONE);
  }

  /**
   * Opens the index in {@code indexDir} for reading, answering questions with {@code answerer} (which brings its own
   * model, if any); searches rank by words.
   *
   * @throws NoSuchFileException when there is no index there yet
   */
  public static Archive open(Path indexDir, Answerer answerer) throws IOException {
    if (!Files.isDirectory(indexDir)) {
      throw new NoSuchFileException(indexDir.toString(), null, "no index here; run `archive index` first");
    }
    return new Archive(indexDir, openFolder(indexDir), answerer, QueryEmbedder.none(), Reranker.NONE);
  }

  private static Opened openFolder(Path indexDir) throws IOException {
    Object identity = identity(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        throw new NoSuchFileException(indexDir.toString(), null, "no index here; run `archive index` first");
      }
      SchemaCheck.require(directory, indexDir);
      return new Opened(directory, new SearcherManager(directory, null), identity);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The folder's identity: its file key (device and inode), or its creation time where there is none. */
  private static Object identity(Path folder) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(folder, BasicFileAttributes.class);
    return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
  }

  /**
   * Reopens the index when its folder was deleted and built again at the same path (a reader would otherwise keep
   * serving the deleted files, which stay readable while open). While the folder is missing or holds no commit yet,
   * the old index keeps serving.
   *
   * @return whether it was reopened
   */
  private synchronized boolean reopenIfReplaced() throws IOException {
    Opened current = opened;
    Object now;
    try {
      now = identity(indexDir);
    } catch (NoSuchFileException e) {
      return false;
    }
    if (now.equals(current.identity())) {
      return false;
    }
    Opened replacement;
    try {
      replacement = openFolder(indexDir);
    } catch (NoSuchFileException e) {
      return false;
    }
    opened = replacement;
    LOG.info("the index folder {} was replaced; reopened it", indexDir);
    current.close();
    return true;
  }

  /** The index directory. */
  public Path indexDir() {
    return indexDir;
  }

  /** Runs a search. */
  public SearchResult search(SearchRequest request) throws IOException {
    return withSearcher(searcher -> ArticleSearch.search(searcher, request, reranker));
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

  /**
   * Counts of the articles {@code query} matches (as {@link #search} matches them) per source, tag, year and month.
   *
   * @param maxValues how many sources and tags to list at most
   */
  public Facets facets(String query, int maxValues) throws IOException {
    return withSearcher(searcher -> FacetCounts.of(searcher, query, maxValues));
  }

  /**
   * A search and the facets of its query, as {@link #search} and {@link #facets} return them, counted in the search's
   * own pass over the matches when it sees them all.
   */
  public FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
    return withSearcher(searcher -> ArticleSearch.searchWithFacets(searcher, request, reranker, maxValues));
  }

  /** Figures about the index. */
  public ArchiveStats stats() throws IOException {
    Opened current = opened;
    return withSearcher(searcher -> IndexStatistics.of(searcher, current.directory()));
  }

  /** Figures about the vectors: model, passages, articles still waiting for vectors. */
  public VectorStats vectorStats() throws IOException {
    return withSearcher(IndexStatistics::vectors);
  }

  /**
   * The current searcher's reader, as an identity: a refresh that makes new commits visible, or reopening a replaced
   * folder, gives another.
   */
  public Object readVersion() throws IOException {
    return withSearcher(searcher -> searcher.getIndexReader().getReaderCacheHelper().getKey());
  }

  /**
   * The synonyms questions are answered with now, as an identity: another once an edited synonyms file has been read
   * (the file is looked at no more than once a second).
   */
  public Object synonymsVersion() {
    return answerer.synonymsInForce();
  }

  /** Number of articles in the current searcher. */
  public long articleCount() throws IOException {
    return withSearcher(ArticleBlocks::countArticles);
  }

  /**
   * The ids of live articles for which {@code known} is false: how a follower of the archive (the bot's followed
   * queries) finds articles committed since it last looked, by any process.
   *
   * @param knownSegments segment keys this method put there on earlier calls with a {@code known} that has only
   *     grown since; their segments are skipped. Pass the same set each time (it holds weak keys of closed segments
   *     only until they are collected if it is a weak set), or a new empty set to scan everything.
   */
  public List<String> articleIdsExcept(Predicate<String> known, Set<Object> knownSegments) throws IOException {
    return withSearcher(searcher -> ArticleIds.unknown(searcher, known, knownSegments::contains, knownSegments));
  }

  /**
   * The articles among {@code ids} matching every word and filter of {@code query} (all of them when it is blank),
   * newest first, with the best passage for the query as snippet; never relaxed to any-word matching.
   */
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    return withSearcher(searcher -> ArticleIds.searchAmong(searcher, query, ids, limit));
  }

  /**
   * The ranking of articles for a question, without passages, as {@link #ask} ranks them before reading passages:
   * for evaluation.
   */
  public List<ScoredArticle> rank(String question, int depth) throws IOException {
    return withSearcher(searcher -> answerer.rank(searcher, question, depth));
  }

  /** The ranking of articles for a question by words, by meaning or both: for evaluation. */
  public List<ScoredArticle> rank(String question, int depth, RetrievalMode mode) throws IOException {
    return withSearcher(searcher -> answerer.rank(searcher, question, depth, mode));
  }

  /** The ranking of a search, without snippets: for evaluation. */
  public List<ScoredArticle> rankSearch(String query, int depth) throws IOException {
    return withSearcher(searcher -> ArticleSearch.rank(searcher, query, depth, reranker));
  }

  /** Runs {@code work} with an acquired searcher, released afterwards; for tools that read the index directly. */
  public <T> T withSearcher(SearcherWork<T> work) throws IOException {
    Opened current = opened;
    IndexSearcher searcher;
    try {
      searcher = current.searchers().acquire();
    } catch (AlreadyClosedException replacedJustNow) {
      current = opened;
      searcher = current.searchers().acquire();
    }
    try {
      return work.apply(searcher);
    } finally {
      current.searchers().release(searcher);
    }
  }

  /** Work done with an acquired searcher. */
  @FunctionalInterface
  public interface SearcherWork<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }

  /** Makes the latest commit searchable now instead of within a second. */
  public void refresh() throws IOException {
    if (!reopenIfReplaced()) {
      opened.searchers().maybeRefreshBlocking();
    }
  }

  private void refreshQuietly() {
    try {
      if (!reopenIfReplaced()) {
        opened.searchers().maybeRefresh();
      }
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
    synchronized (this) {
      try {
        opened.close();
      } finally {
        embedder.close();
      }
    }
  }
}
