package dev.dealarchive.web;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.cli.JsonViews;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the web server reads from an archive: the read side only, so nothing the server does can write. Any {@link
 * IOException} means the index cannot be read and is answered with 503.
 */
public interface WebArchive {
  /** Runs a search, as {@code archive search}. */
  SearchResult search(SearchRequest request) throws IOException;

  /** Answers a question, as {@code archive ask}. */
  AskResult ask(String question, int limit) throws IOException;

  /** Counts of the articles {@code query} matches per source, tag, year and month. */
  Facets facets(String query, int maxValues) throws IOException;

  /**
   * A search and the facets of its query, as {@link #search} and {@link #facets} return them; the archive counts them
   * in one pass over the matches where it can.
   */
  default FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
    return new FacetedResult(search(request), facets(request.query(), maxValues));
  }

  /** One article in full, or empty when there is none with that id. */
  Optional<Article> article(String id) throws IOException;

  /** The object {@code archive stats --json} prints. */
  Map<String, Object> statsJson() throws IOException;

  /** Number of articles, for the health check and the page footer. */
  long articleCount() throws IOException;

  /**
   * What reads see now, as {@link ArchiveEngine#readVersion()}: results read after it may be reused while it stays
   * equal; {@code null} when unknown, and then nothing is reused.
   */
  default Object readVersion() throws IOException {
    return null;
  }

  /**
   * Reads an engine opened by this process (embedded or a cluster); the caller keeps it open and closes it.
   *
   * @param index the index folder {@code archive stats --json} names
   */
  static WebArchive of(ArchiveEngine archive, Path index) {
    return new WebArchive() {
      @Override
      public SearchResult search(SearchRequest request) throws IOException {
        return archive.search(request);
      }

      @Override
      public AskResult ask(String question, int limit) throws IOException {
        return archive.ask(question, limit);
      }

      @Override
      public Facets facets(String query, int maxValues) throws IOException {
        return archive.facets(query, maxValues);
      }

      @Override
      public FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
        return archive.searchWithFacets(request, maxValues);
      }

      @Override
      public Optional<Article> article(String id) throws IOException {
        return archive.article(id);
      }

      @Override
      public Map<String, Object> statsJson() throws IOException {
        return JsonViews.stats(index, archive.stats(), archive.vectorStats());
      }

      @Override
      public long articleCount() throws IOException {
        return archive.articleCount();
      }

      @Override
      public Object readVersion() throws IOException {
        return archive.readVersion();
      }
    };
  }
}
