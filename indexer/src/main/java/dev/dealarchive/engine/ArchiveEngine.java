package dev.dealarchive.engine;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.indexing.VectorState;
import dev.dealarchive.indexing.VectorStats;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The archive as the command line and the bot reach it, reading and writing, whatever engine holds it: the embedded
 * Lucene index in a folder ({@link EmbeddedEngine}) or a cluster. Signatures use the archive's own records only, never
 * Lucene types, so an engine that talks to a server can implement every method.
 *
 * <p>Reads see the last commit of any writer (within about a second for writers in other processes; at once after
 * this engine's own writes). Writes go through one {@link ArchiveWriter} session at a time per index; {@link #index},
 * {@link #reindex} and {@link #add} open and close one for the call. Thread-safe; close it once.
 */
public interface ArchiveEngine extends AutoCloseable {

  // ---- Reading -------------------------------------------------------------------------------------------------

  /**
   * Runs a search in the archive's query language.
   *
   * @throws java.nio.file.NoSuchFileException when there is no archive yet
   */
  SearchResult search(SearchRequest request) throws IOException;

  /**
   * Answers a question.
   *
   * @param limit how many articles to return in all, the answer's article included
   */
  AskResult ask(String question, int limit) throws IOException;

  /** The newest {@code n} articles, newest first. */
  List<SearchHit> latest(int n) throws IOException;

  /** Figures about the archive. */
  ArchiveStats stats() throws IOException;

  /** Number of articles; cheap enough for a health check. */
  long articleCount() throws IOException;

  /**
   * Figures about the archive's vectors: model, passages, and how many articles still wait for vectors. An engine that
   * keeps no vectors reports a keyword-only archive.
   */
  default VectorStats vectorStats() throws IOException {
    return new VectorStats(VectorState.OFF, 0, 0, 0);
  }

  /**
   * The ranking of articles for a question as {@link #ask} ranks them before reading passages, best first: for
   * evaluation.
   */
  List<ScoredArticle> rank(String question, int depth) throws IOException;

  /** The ranking of a search as {@link #search} ranks it, without snippets, best first: for evaluation. */
  List<ScoredArticle> rankSearch(String query, int depth) throws IOException;

  /**
   * How many articles {@code query} matches (as {@link #search} matches them) per source, tag, year and month, for
   * facets and timelines. An engine that cannot count returns {@link Facets#empty()}, and pages then show no facets.
   *
   * @param maxValues how many sources and how many tags to list at most (the largest counts)
   */
  default Facets facets(String query, int maxValues) throws IOException {
    return Facets.empty();
  }

  /**
   * {@link #search} and {@link #facets} of its query together, for a page that shows both; an engine that can count
   * facets in the search's own pass over the matches does so. The default asks for each in turn.
   */
  default FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
    return new FacetedResult(search(request), facets(request.query(), maxValues));
  }

  /**
   * A value that changes whenever what reads see may have changed (new commits made visible, the index replaced, the
   * answers' synonyms edited), compared with {@code equals}; {@code null} when the engine cannot tell. Read it before
   * a read: a result computed after it is at least as new as it, so callers (the web server) may reuse results keyed
   * by it. The default says nothing, so nothing is reused.
   */
  default Object readVersion() throws IOException {
    return null;
  }

  /** The stored article with this id, if any. */
  Optional<Article> article(String id) throws IOException;

  /**
   * Calls {@code visitor} with every stored article, in no particular order (for a baseline built from the same
   * articles, or a copy to another engine).
   */
  void forEachArticle(ArticleVisitor visitor) throws IOException;

  /** Receives stored articles one at a time. */
  @FunctionalInterface
  interface ArticleVisitor {
    void visit(Article article) throws IOException;
  }

  /**
   * The ids of stored articles for which {@code known} is false: how a follower of the archive (the bot's followed
   * queries and digests) finds articles committed since it last looked, by any process. {@code known} must only grow
   * between calls of one caller, so an engine may skip parts of the archive whose every id was known before. The
   * default visits every article.
   */
  default List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    List<String> unknown = new ArrayList<>();
    forEachArticle(article -> {
      if (!known.test(article.id())) {
        unknown.add(article.id());
      }
    });
    return unknown;
  }

  /**
   * The articles among {@code ids} that match every word, phrase and filter of {@code query} (all of them when it is
   * blank), newest first, each with the passage that best matches the query as snippet; never relaxed to any-word
   * matching.
   *
   * @param limit most hits returned; the result's total counts every match
   * @throws UnsupportedOperationException when the engine cannot restrict a search to given articles
   */
  default SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot search among given articles, "
        + "which followed queries and digests need");
  }

  /** Makes the latest commit of any writer visible to reads now rather than within a second. */
  void refresh() throws IOException;

  // ---- Writing -------------------------------------------------------------------------------------------------

  /**
   * Opens a write session; it holds this archive's write lock until closed.
   *
   * @throws dev.dealarchive.indexing.IndexBusyException when another writer holds the archive
   */
  ArchiveWriter openWriter() throws IOException;

  /**
   * Brings the archive in line with the given files and folders in one write session (see {@link
   * ArchiveWriter#index}), then makes the result visible to this engine's reads.
   */
  default IndexSummary index(List<Path> inputs, IndexOptions options, IndexProgress progress) throws IOException {
    IndexSummary summary;
    try (ArchiveWriter writer = openWriter()) {
      summary = writer.index(inputs, options, progress);
    }
    refresh();
    return summary;
  }

  /**
   * Re-syncs the inputs earlier runs were given in one write session (see {@link ArchiveWriter#reindex}), then makes
   * the result visible to this engine's reads.
   */
  default IndexSummary reindex(IndexOptions options, IndexProgress progress) throws IOException {
    IndexSummary summary;
    try (ArchiveWriter writer = openWriter()) {
      summary = writer.reindex(options, progress);
    }
    refresh();
    return summary;
  }

  /**
   * Fetches the article page at {@code url} through the URL guard, stores it and says what was stored or why nothing
   * was. When another process holds the write lock, the article is queued for that writer.
   *
   * @param url the address as typed, Slack's {@code <url>} and {@code <url|label>} forms included
   * @return the outcome; failures are results, never exceptions
   */
  AddResult add(String url);

  /** The inputs (files and folders) that earlier index runs were given, for a later re-sync. */
  List<Path> recordedInputs() throws IOException;

  @Override
  void close() throws IOException;
}
