package dev.dealarchive.search;

import java.util.List;

/**
 * The outcome of a search.
 *
 * @param query the query as given
 * @param total how many articles match in all
 * @param hits the requested page of hits
 * @param notices things the user should know, such as "the query was searched as plain words because ..."
 * @param tookNanos time spent searching
 */
public record SearchResult(String query, long total, List<SearchHit> hits, List<String> notices, long tookNanos) {
  public SearchResult {
    hits = List.copyOf(hits);
    notices = List.copyOf(notices);
  }
}
