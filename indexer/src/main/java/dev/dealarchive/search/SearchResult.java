package dev.dealarchive.search;

import java.util.List;

/**
 * The outcome of a search.
 *
 * @param query the query as given
 * @param total how many articles match in all; a lower bound when {@code totalIsLowerBound}
 * @param totalIsLowerBound whether more articles than {@code total} may match: a relevance search stops counting
 *     matches past a threshold so it can skip documents that cannot rank in the top
 * @param hits the requested page of hits
 * @param notices things the user should know, such as "the query was searched as plain words because ..."
 * @param tookNanos time spent searching
 */
public record SearchResult(
    String query, long total, boolean totalIsLowerBound, List<SearchHit> hits, List<String> notices, long tookNanos) {
  public SearchResult {
    hits = List.copyOf(hits);
    notices = List.copyOf(notices);
  }

  /** A result whose total is exact. */
  public SearchResult(String query, long total, List<SearchHit> hits, List<String> notices, long tookNanos) {
    this(query, total, false, hits, notices, tookNanos);
  }
}
