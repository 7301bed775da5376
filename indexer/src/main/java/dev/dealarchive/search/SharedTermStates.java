package dev.dealarchive.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The term statistics of the scored words of the searches over one index reader, looked up once in the terms
 * dictionary: a {@link TermQuery} given its {@link TermStates} uses them instead of building them again in its
 * weight. One search runs several queries over the same words (every word, then any word when no article has them
 * all; a wider tie margin; the facet count past the total), and searches over the same reader ask for the same words
 * again (company names, "deal", "stake"): looking a word up cost about a tenth of a search's CPU on Reuters-21578.
 * The statistics are the same as a query's weight would build, so the scores and matches are.
 *
 * <p>The statistics are kept per reader (Lucene's reader cache key) while it is open, and dropped when it closes;
 * a refreshed reader starts afresh, since its statistics differ. A {@link TermStates} built with statistics is not
 * changed by its users, so one can serve many threads. A reader without a cache key keeps them for one search.
 */
final class SharedTermStates {
  /**
   * About how much memory the kept statistics of one reader may take: a term with its statistics takes about 256
   * bytes, and 64 more for each segment holding it. Past it the reader's terms are forgotten and gathered again: on
   * Reuters-21578 (two segments) about 10,000 terms, the bench's 2,000 queries ask for 7,300.
   */
  static final long BYTES_PER_READER = 4L << 20;
  private static final Map<IndexReader.CacheKey, Map<Term, TermStates>> BY_READER = new ConcurrentHashMap<>();

  private final IndexSearcher searcher;
  private final Map<Term, TermStates> states;
  private final int maxTerms;

  SharedTermStates(IndexSearcher searcher) {
    this.searcher = searcher;
    this.states = statesOf(searcher);
    this.maxTerms = maxTerms(searcher.getIndexReader());
  }

  /** The most terms kept for {@code reader}: {@link #BYTES_PER_READER} over what one term takes with its segments. */
  static int maxTerms(IndexReader reader) {
    return (int) Math.max(1024, BYTES_PER_READER / (256 + 64L * reader.leaves().size()));
  }

  private static Map<Term, TermStates> statesOf(IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
    if (helper == null || searcher.getTopReaderContext() != reader.getContext()) {
      return new HashMap<>();
    }
    IndexReader.CacheKey key = helper.getKey();
    Map<Term, TermStates> kept = BY_READER.get(key);
    if (kept == null) {
      kept = new ConcurrentHashMap<>();
      Map<Term, TermStates> raced = BY_READER.putIfAbsent(key, kept);
      if (raced == null) {
        helper.addClosedListener(BY_READER::remove);
      } else {
        kept = raced;
      }
    }
    return kept;
  }

  /** How many terms' statistics are kept for the reader of {@code searcher} (for tests: the budget holds). */
  static int termsKept(IndexSearcher searcher) {
    Map<Term, TermStates> kept = BY_READER.get(searcher.getIndexReader().getReaderCacheHelper().getKey());
    return kept == null ? 0 : kept.size();
  }

  /** How many readers' statistics are kept (for tests: a closed reader's must not stay). */
  static int readersKept() {
    return BY_READER.size();
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
        // As TermQuery's weight builds them for a scored search. Two threads may build the same word's: either is
        // kept, both are the same.
        built = TermStates.build(searcher, term.getTerm(), true);
        if (states.size() >= maxTerms) {
          states.clear();
        }
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
