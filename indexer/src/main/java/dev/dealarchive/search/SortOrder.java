package dev.dealarchive.search;

/** How search results are ordered. */
public enum SortOrder {
  /** Best match first; equal scores newest first, then by id. */
  RELEVANCE,
  /** Newest first, then by id; articles without a date last. */
  NEWEST
}
