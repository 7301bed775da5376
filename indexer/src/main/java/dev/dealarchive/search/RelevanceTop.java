package dev.dealarchive.search;

import dev.dealarchive.indexing.ArticleDocValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * The best {@code n} hits of a query in {@link ArticleSearch#relevanceOrder()} (score, then newest, then id),
 * collected by score alone so Lucene can skip blocks that cannot compete (block-max WAND / MaxScore), with the
 * date-and-id tie-break applied afterwards to the few hits returned.
 *
 * <p>The result equals a full {@code Sort(SCORE, published, id)} search: a score collector returns the top hits by
 * score with ties broken by document number, so its top {@code n + }{@value #TIE_MARGIN} contain every hit whose score
 * is above the {@code n}th's lowest score unless that score still ties at the last collected hit; then the tie group
 * may continue past the margin, and the search is repeated with larger margins, and with the field sort only when
 * the tie outlasts them all.
 */
public final class RelevanceTop {
  /** Hits collected beyond those wanted, so ties at the cut-off can be ordered by date and id. */
  static final int TIE_MARGIN = 32;
  /** Margins tried in turn while the tie at the cut-off reaches the last collected hit. */
  private static final int[] TIE_MARGINS = {TIE_MARGIN, 512, 4096};
  /** Matches counted exactly; beyond this the collector stops counting and the total is a lower bound. */
  static final int COUNT_THRESHOLD = 1000;

  private RelevanceTop() {}

  /**
   * The top {@code n} hits of {@code query} in relevance order, with their scores. The total is exact up to
   * {@value #COUNT_THRESHOLD} matches (or {@code n}, when larger) and a lower bound beyond.
   */
  public static TopDocs search(IndexSearcher searcher, Query query, int n) throws IOException {
    return search(searcher, query, n, COUNT_THRESHOLD, null);
  }

  /**
   * As {@link #search(IndexSearcher, Query, int)}, counting facets in the same pass with {@code facets} (null for
   * none); the hits and the total are the same as without.
   */
  static TopDocs search(IndexSearcher searcher, Query query, int n, FacetCounts.Alongside facets) throws IOException {
    return search(searcher, query, n, COUNT_THRESHOLD, facets);
  }

  /**
   * The top {@code n} hits of {@code query} in relevance order, as {@link #search(IndexSearcher, Query, int)}, for a
   * caller that needs no count of the matches ({@code archive ask}): the collector counts none beyond those it keeps,
   * so Lucene starts skipping blocks that cannot compete at once instead of after {@value #COUNT_THRESHOLD} matches.
   * The hits and their order are the same; the total is a lower bound as soon as the hits fill the list.
   */
  public static TopDocs top(IndexSearcher searcher, Query query, int n) throws IOException {
    return search(searcher, query, n, 0, null);
  }

  private static TopDocs search(
      IndexSearcher searcher, Query query, int n, int countThreshold, FacetCounts.Alongside facets)
      throws IOException {
    TopDocs byScore = null;
    for (int margin : TIE_MARGINS) {
      int collect = n + margin;
      TopScoreDocCollectorManager byScoreManager =
          new TopScoreDocCollectorManager(collect, null, Math.max(countThreshold, collect));
      // Every attempt counts facets afresh (ties past the margin are rare); the last one's counts go with its total.
      byScore = facets == null ? searcher.search(query, byScoreManager) : searcher.search(query, facets.around(byScoreManager));
      ScoreDoc[] docs = byScore.scoreDocs;
      boolean tieMayGoOn = docs.length > n && docs.length == collect && docs[collect - 1].score == docs[n - 1].score;
      if (!tieMayGoOn) {
        ScoreDoc[] ordered = orderTies(searcher, docs, n);
        return new TopDocs(byScore.totalHits, Arrays.copyOf(ordered, Math.min(n, ordered.length)));
      }
      // Near-identical articles (a story re-sent with one word changed) tie in score: collect more, still by score.
    }
    // The tie at the cut-off reaches beyond every margin: only a full sort orders it exactly.
    TopFieldDocs sorted = searcher.search(query, n, ArticleSearch.relevanceOrder(), true);
    return new TopDocs(byScore.totalHits, sorted.scoreDocs);
  }

  /** Whether {@code total} is only a lower bound of the number of matches. */
  public static boolean isLowerBound(TotalHits total) {
    return total.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
  }

  /**
   * {@code docs}, as a score collector returns them (by score, descending), with their first {@code n} in relevance
   * order: score (descending), then publication time (newest first, undated last), then id. Only runs of equal scores
   * that begin among the first {@code n} need dates and ids, and each is ordered on its own; hits past such runs are
   * left as they are. Scores rarely tie, so most searches read no date or id at all.
   */
  static ScoreDoc[] orderTies(IndexSearcher searcher, ScoreDoc[] docs, int n) throws IOException {
    ScoreDoc[] out = docs.clone();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    int limit = Math.min(n, out.length);
    for (int start = 0; start < limit; ) {
      int end = start + 1;
      while (end < out.length && Float.compare(out[end].score, out[start].score) == 0) {
        end++;
      }
      if (end - start > 1) {
        Keyed[] keyed = keys(leaves, Arrays.copyOfRange(out, start, end));
        Arrays.sort(keyed, RELEVANCE_ORDER);
        for (int i = 0; i < keyed.length; i++) {
          out[start + i] = keyed[i].doc;
        }
      }
      start = end;
    }
    return out;
  }

  /**
   * Score (descending), then publication time (newest first), then id. Two hits of one segment compare their ids by
   * ordinal, which orders as the ids do (a segment numbers its values in their order); only hits of different
   * segments, or without an id, read the id itself, and only when score and date tie, which is rare: reading an id
   * is a seek in the segment's terms dictionary.
   */
  private static final Comparator<Keyed> RELEVANCE_ORDER =
      Comparator.comparingDouble((Keyed k) -> -k.doc.score)
          .thenComparing(Comparator.comparingLong((Keyed k) -> k.published).reversed())
          .thenComparing(RelevanceTop::compareIds);

  private static int compareIds(Keyed a, Keyed b) {
    if (a.ids == b.ids && a.idOrd >= 0 && b.idOrd >= 0) {
      return Integer.compare(a.idOrd, b.idOrd);
    }
    try {
      return a.id().compareTo(b.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A hit with its sort keys: publication time ({@link Long#MIN_VALUE} when undated) and id, the id as its ordinal in
   * its segment's {@code ids} (-1 when it has none) and read from there when needed.
   */
  private static final class Keyed {
    final ScoreDoc doc;
    final long published;
    final SortedDocValues ids;
    final int idOrd;
    private BytesRef id;

    Keyed(ScoreDoc doc, long published, SortedDocValues ids, int idOrd) {
      this.doc = doc;
      this.published = published;
      this.ids = ids;
      this.idOrd = idOrd;
    }

    /** The id, an empty one when the hit has none. */
    BytesRef id() throws IOException {
      if (id == null) {
        id = idOrd < 0 ? new BytesRef() : BytesRef.deepCopyOf(ids.lookupOrd(idOrd));
      }
      return id;
    }
  }

  private static Keyed[] keys(List<LeafReaderContext> leaves, ScoreDoc[] docs) throws IOException {
    // Doc values iterate forward only, so read them in document order.
    ScoreDoc[] byDoc = docs.clone();
    Arrays.sort(byDoc, Comparator.comparingInt(d -> d.doc));
    Keyed[] keyed = new Keyed[byDoc.length];
    int leafIndex = -1;
    NumericDocValues published = null;
    SortedDocValues ids = null;
    LeafReaderContext leaf = null;
    for (int i = 0; i < byDoc.length; i++) {
      int index = ReaderUtil.subIndex(byDoc[i].doc, leaves);
      if (index != leafIndex) {
        leafIndex = index;
        leaf = leaves.get(index);
        published = ArticleDocValues.published(leaf.reader());
        ids = ArticleDocValues.ids(leaf.reader());
      }
      int doc = byDoc[i].doc - leaf.docBase;
      long time = published.advanceExact(doc) ? published.longValue() : Long.MIN_VALUE;
      int idOrd = ids.advanceExact(doc) ? ids.ordValue() : -1;
      keyed[i] = new Keyed(byDoc[i], time, ids, idOrd);
    }
    return keyed;
  }
}
