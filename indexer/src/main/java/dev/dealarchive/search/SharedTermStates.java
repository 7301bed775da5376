package dev.dealarchive.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The term statistics of one search's scored words, looked up once in the terms dictionary for the several queries
 * it runs over the same words (every word, then any word when no article has them all; a wider tie margin; the facet
 * count past the total): a {@link TermQuery} given its {@link TermStates} uses them instead of building them again
 * in each query's weight. The statistics are the same, so the scores and matches are. One searcher, one thread.
 */
final class SharedTermStates {
  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states = new HashMap<>();

  SharedTermStates(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * {@code query} with each scored term query (under boolean SHOULD and MUST clauses and boosts) carrying its
   * statistics; filters, exclusions and other queries as they are. The same structure, clause for clause.
   */
  Query withStates(Query query) throws IOException {
    if (query instanceof TermQuery term) {
      if (term.getTermStates() != null) {
        return term;
      }
      TermStates built = states.get(term.getTerm());
      if (built == null) {
        // As TermQuery's weight builds them for a scored search.
        built = TermStates.build(searcher, term.getTerm(), true);
        states.put(term.getTerm(), built);
      }
      return new TermQuery(term.getTerm(), built);
    }
    if (query instanceof BoostQuery boost) {
      Query inner = withStates(boost.getQuery());
      return inner == boost.getQuery() ? boost : new BoostQuery(inner, boost.getBoost());
    }
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder rebuilt = new BooleanQuery.Builder();
      rebuilt.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        boolean scored = clause.occur() == BooleanClause.Occur.SHOULD || clause.occur() == BooleanClause.Occur.MUST;
        rebuilt.add(scored ? withStates(clause.query()) : clause.query(), clause.occur());
      }
      return rebuilt.build();
    }
    return query;
  }
}
