package dev.dealarchive.search;

import java.io.IOException;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Re-orders the matches of a relevance-sorted search by more evidence than the words (meaning, for example). It may
 * only re-order: the articles it returns all match {@code query}, so the search's semantics and total are kept.
 */
@FunctionalInterface
public interface Reranker {
  /** Leaves the keyword order as it is. */
  Reranker NONE = (searcher, text, query, wanted) -> null;

  /**
   * The best {@code wanted} matches of {@code query}, best first, or {@code null} to keep the keyword order.
   *
   * @param text the search as typed, for the meaning side
   */
  TopDocs rerank(IndexSearcher searcher, String text, Query query, int wanted) throws IOException;
}
