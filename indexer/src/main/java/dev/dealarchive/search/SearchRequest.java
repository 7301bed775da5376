package dev.dealarchive.search;

/**
 * A search to run.
 *
 * @param query text in the archive's query language
 * @param limit how many hits to return, at least 1
 * @param offset how many hits to skip, for paging
 * @param sort ordering
 */
public record SearchRequest(String query, int limit, int offset, SortOrder sort) {
  public SearchRequest {
    query = query == null ? "" : query;
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset must not be negative: " + offset);
    }
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  public static SearchRequest of(String query, int limit) {
    return new SearchRequest(query, limit, 0, SortOrder.RELEVANCE);
  }
}
