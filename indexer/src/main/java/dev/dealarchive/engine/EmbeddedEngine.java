package dev.dealarchive.engine;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.fetch.ArticleAdder;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.StoredArticles;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive in an index folder on this machine: reads through {@link Archive} (one {@code SearcherManager},
 * refreshed in the background), writes through the folder's one write entry point ({@link IndexFolder#openWriter}).
 *
 * <p>The folder itself (layout, synonyms, queued adds) is an {@link IndexFolder}. The read side opens on the first
 * read, and again on a later read while there is no index yet, so a bot can start before the first {@code archive
 * index}. Write sessions of this engine run one at a time ({@link #openWriter}
 * waits for the previous session to close), so a process never finds the index locked by itself; a writer in another
 * process gets an {@link dev.dealarchive.indexing.IndexBusyException}, and {@link #add} then queues its article for
 * that writer. Do not call a write method of this engine while holding one of its writers.
 */
public final class EmbeddedEngine implements ArchiveEngine {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

  /** Opens the read side of an index folder. */
  @FunctionalInterface
  public interface ReaderOpener {
    /**
     * Opens {@code indexDir} for reading.
     *
     * @throws java.nio.file.NoSuchFileException when there is no index there yet
     */
    Archive open(Path indexDir) throws IOException;
  }

  private final Path indexDir;
  private final IndexFolder folder;
  private final ReaderOpener opener;
  private final FetchOptions fetchOptions;
  private final Semaphore writes = new Semaphore(1);
  private Archive archive;
  /** Index segments whose every article id a caller of {@link #articleIdsExcept} knew: skipped on later calls. */
  private final Set<Object> knownSegments =
      Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

  private EmbeddedEngine(Path indexDir, ReaderOpener opener, FetchOptions fetchOptions) {
    this.indexDir = indexDir;
    this.folder = IndexFolder.at(indexDir);
    this.opener = opener;
    this.fetchOptions = fetchOptions;
  }

  /** The index folder {@code indexDir} with default answer settings; {@link #add} refuses internal addresses. */
  public static EmbeddedEngine open(Path indexDir) {
    return open(indexDir, AnswerSettings.defaults(), FetchOptions.defaults());
  }

  /**
   * The index folder {@code indexDir}, answering with {@code settings}; {@link #add} fetches with {@code fetchOptions}
   * ({@link FetchOptions#defaults()} everywhere but tests and trusted set-ups).
   */
  public static EmbeddedEngine open(Path indexDir, AnswerSettings settings, FetchOptions fetchOptions) {
    return open(indexDir, settings, HybridSettings.defaults(), fetchOptions);
  }

  /**
   * As {@link #open(Path, AnswerSettings, FetchOptions)}, answering questions by words and meaning as {@code hybrid}
   * says (when the index has vectors).
   */
  public static EmbeddedEngine open(
      Path indexDir, AnswerSettings settings, HybridSettings hybrid, FetchOptions fetchOptions) {
    return withReader(indexDir, dir -> IndexFolder.at(dir).openAnswering(settings, hybrid), fetchOptions);
  }

  /**
   * The index folder {@code indexDir} with a custom read side (tests, the bot's first-use opener).
   *
   * @param opener called on the first read and, while it fails, again on later reads
   */
  public static EmbeddedEngine withReader(Path indexDir, ReaderOpener opener, FetchOptions fetchOptions) {
    return new EmbeddedEngine(indexDir, opener, fetchOptions);
  }

  /** The index folder. */
  public Path indexDir() {
    return indexDir;
  }

  /**
   * The read side, opened now if it is not yet: for tools that read the Lucene index directly (the benchmark).
   *
   * @throws java.nio.file.NoSuchFileException when there is no index yet
   */
  public synchronized Archive reader() throws IOException {
    if (archive == null) {
      archive = opener.open(indexDir);
    }
    return archive;
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return reader().search(request);
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    return reader().ask(question, limit);
  }

  @Override
  public List<SearchHit> latest(int n) throws IOException {
    return reader().latest(n);
  }

  @Override
  public ArchiveStats stats() throws IOException {
    return reader().stats();
  }

  @Override
  public VectorStats vectorStats() throws IOException {
    return reader().vectorStats();
  }

  @Override
  public List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    return reader().articleIdsExcept(known, knownSegments);
  }

  @Override
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    return reader().searchAmong(query, ids, limit);
  }

  @Override
  public long articleCount() throws IOException {
    return reader().articleCount();
  }

  @Override
  public List<ScoredArticle> rank(String question, int depth) throws IOException {
    return reader().rank(question, depth);
  }

  @Override
  public List<ScoredArticle> rankSearch(String query, int depth) throws IOException {
    return reader().rankSearch(query, depth);
  }

  @Override
  public Facets facets(String query, int maxValues) throws IOException {
    return reader().facets(query, maxValues);
  }

  @Override
  public FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
    return reader().searchWithFacets(request, maxValues);
  }

  /**
   * The current searcher's reader (a refresh that finds new commits opens another) and the synonyms the answers use
   * now (another once an edited synonyms file is read, which is looked at no more than once a second): the version
   * follows the very synonyms answers are computed with, and a request costs no look at the file.
   */
  @Override
  public Object readVersion() throws IOException {
    Archive read = reader();
    return List.of(read.readVersion(), read.synonymsVersion());
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return reader().withSearcher(searcher -> StoredArticles.byId(searcher, id));
  }

  @Override
  public void forEachArticle(ArticleVisitor visitor) throws IOException {
    reader().withSearcher(
        searcher -> {
          StoredArticles.forEach(searcher, visitor::visit);
          return null;
        });
  }

  /** Makes the latest commit visible now; nothing to do while the read side has not been opened. */
  @Override
  public void refresh() throws IOException {
    Archive open;
    synchronized (this) {
      open = archive;
    }
    if (open != null) {
      open.refresh();
    }
  }

  @Override
  public ArchiveWriter openWriter() throws IOException {
    try {
      writes.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for another write to " + indexDir + " to finish");
    }
    return folder.openWriter(writes::release);
  }

  /**
   * Fetches and stores through an {@link ArticleAdder} (the URL guard's rules as given when this engine was opened),
   * storing anything queued before with it; when another process writes the index, queues the article for it. A
   * stored article is searchable at once.
   */
  @Override
  public AddResult add(String url) {
    AddResult result;
    try (ArticleAdder adder = folder.adder(fetchOptions, this::openWriter)) {
      result = adder.add(url);
    }
    if (result.status() == AddResult.Status.ADDED || result.status() == AddResult.Status.UPDATED) {
      try {
        refresh();
      } catch (IOException | RuntimeException e) {
        // Stored and committed all the same; the background refresh makes it searchable shortly.
        LOG.warn("refreshing the searcher after an add failed: {}", e.toString());
      }
    }
    return result;
  }

  /** Read from the manifest the last committed run wrote; needs no write lock. */
  @Override
  public List<Path> recordedInputs() {
    return folder.recordedInputs();
  }

  @Override
  public synchronized void close() throws IOException {
    if (archive != null) {
      archive.close();
      archive = null;
    }
  }
}
