package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleDocValues;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.TopDocs;

/** Runs searches in the archive's query language against one acquired searcher. Stateless. */
public final class ArticleSearch {
  /** Longest snippet, in characters. */
  public static final int SNIPPET_CHARS = 240;

  /** Matches a newest-first search counts exactly: Lucene's own threshold for a sorted search. */
  private static final int NEWEST_COUNT_THRESHOLD = 1000;

  private ArticleSearch() {}

  /** Relevance, then newest, then id: repeatable order for equal scores. */
  public static Sort relevanceOrder() {
    return new Sort(SortField.FIELD_SCORE, ArticleDocValues.byPublished(true), ArticleDocValues.byId());
  }

  /** Newest first (undated last), then id. */
  public static Sort newestOrder() {
    return new Sort(ArticleDocValues.byPublished(true), ArticleDocValues.byId());
  }

  /** Searches {@code request} with AND semantics, relaxing to any-word matching when nothing has every word. */
  public static SearchResult search(IndexSearcher searcher, SearchRequest request) throws IOException {
    return search(searcher, request, Reranker.NONE);
  }

  /** As {@link #search(IndexSearcher, SearchRequest)}, relevance order decided with {@code reranker}. */
  public static SearchResult search(IndexSearcher searcher, SearchRequest request, Reranker reranker)
      throws IOException {
    return search(searcher, request, reranker, null);
  }

  /**
   * A search and the facets of its query ({@link FacetCounts#of}), counted in the search's own pass over the matches
   * when it sees them all (its total is exact: up to {@value RelevanceTop#COUNT_THRESHOLD} matches by relevance), else
   * in a second pass over the query it matched with. The same result and the same counts as {@link #search} and {@link FacetCounts#of} apart.
   */
  public static FacetedResult searchWithFacets(
      IndexSearcher searcher, SearchRequest request, Reranker reranker, int maxValues) throws IOException {
    FacetCounts.Alongside alongside = new FacetCounts.Alongside();
    SearchResult result = search(searcher, request, reranker, alongside);
    Facets facets = alongside.facets(maxValues);
    if (facets == null) {
      facets = alongside.countAgain(searcher, maxValues);
    }
    return new FacetedResult(result, facets != null ? facets : FacetCounts.of(searcher, request.query(), maxValues));
  }

  /** As {@link #search(IndexSearcher, SearchRequest, Reranker)}, counting facets alongside when {@code facets} is given. */
  static SearchResult search(
      IndexSearcher searcher, SearchRequest request, Reranker reranker, FacetCounts.Alongside facets)
      throws IOException {
    long started = System.nanoTime();
    ParsedQuery typed = QueryLanguage.parse(request.query());
    ParsedQuery parsed = QueryBudget.fit(typed, searcher.getIndexReader());
    // Facets count the query as typed (FacetCounts.of): counted alongside only when the budget left it as it was.
    facets = parsed == typed ? facets : null;
    List<String> notices = new ArrayList<>(parsed.notices());
    boolean filtersOnly = LuceneQueries.scoringGroups(parsed) == 0;
    if (filtersOnly && !parsed.hasFilters() && parsed.excluded().isEmpty()) {
      notices.add("the query has no words to search for");
      return new SearchResult(request.query(), 0, false, List.of(), notices, System.nanoTime() - started);
    }
    boolean byRelevance = !filtersOnly && request.sort() != SortOrder.NEWEST;
    // A relevance search looks its words' statistics up once for all its passes (a newest-first one needs none).
    SharedTermStates shared = byRelevance ? new SharedTermStates(searcher) : null;
    Query query = withStates(shared, LuceneQueries.build(parsed, LuceneQueries.Match.ALL));
    int wanted = request.offset() + request.limit();
    TopDocs top = top(searcher, query, wanted, byRelevance, facets);
    if (top.totalHits.value() == 0 && LuceneQueries.scoringGroups(parsed) > 1) {
      query = withStates(shared, LuceneQueries.build(parsed, LuceneQueries.Match.ANY));
      top = top(searcher, query, wanted, byRelevance, facets);
      if (top.totalHits.value() > 0) {
        notices.add("no article has all the words; showing articles with some of them");
      }
    }
    if (byRelevance && top.totalHits.value() > 0) {
      TopDocs reranked = reranker.rerank(searcher, request.query(), query, wanted);
      top = reranked == null ? top : new TopDocs(top.totalHits, reranked.scoreDocs);
    }
    // A relevance search stops counting past a threshold (so it can skip documents that cannot make the top); its
    // total is then a lower bound, reported as such rather than paid for with a second pass over every match.
    boolean lowerBound = byRelevance && RelevanceTop.isLowerBound(top.totalHits);
    long total = lowerBound ? top.totalHits.value() : totalOf(searcher, query, top.totalHits);
    MatchTerms terms = MatchTerms.of(parsed.positiveParts());
    List<SearchHit> hits = hits(searcher, top, request.offset(), terms, !filtersOnly);
    return new SearchResult(request.query(), total, lowerBound, hits, notices, System.nanoTime() - started);
  }

  private static Query withStates(SharedTermStates shared, Query query) throws IOException {
    return shared == null ? query : shared.withStates(query);
  }

  /**
   * The top {@code wanted} hits: by relevance (score, newest, id), or newest first; with facets counted in the same
   * pass when {@code facets} is given. Newest first is {@code searcher.search(query, wanted, newestOrder(), true)}
   * spelled out, so the facet tally can join its collectors.
   */
  private static TopDocs top(
      IndexSearcher searcher, Query query, int wanted, boolean byRelevance, FacetCounts.Alongside facets)
      throws IOException {
    if (facets == null) {
      return byRelevance
          ? RelevanceTop.search(searcher, query, wanted)
          : searcher.search(query, wanted, newestOrder(), true);
    }
    TopDocs top;
    if (byRelevance) {
      top = RelevanceTop.search(searcher, query, wanted, facets);
    } else {
      int capped = Math.min(wanted, Math.max(1, searcher.getIndexReader().maxDoc()));
      TopFieldCollectorManager newest =
          new TopFieldCollectorManager(newestOrder().rewrite(searcher), capped, null, NEWEST_COUNT_THRESHOLD);
      TopFieldDocs sorted = searcher.search(query, facets.around(newest));
      TopFieldCollector.populateScores(sorted.scoreDocs, searcher, query);
      top = sorted;
    }
    facets.searched(query, top.totalHits);
    return top;
  }

  /** The exact number of matches; counted separately only when the collector stopped counting early. */
  static long totalOf(IndexSearcher searcher, Query query, TotalHits totalHits) throws IOException {
    return totalHits.relation() == TotalHits.Relation.EQUAL_TO ? totalHits.value() : searcher.count(query);
  }

  /** The ranking of a search without snippets, for evaluation: same semantics as {@link #search}. */
  public static List<ScoredArticle> rank(IndexSearcher searcher, String queryText, int depth) throws IOException {
    return rank(searcher, queryText, depth, Reranker.NONE);
  }

  /** As {@link #rank(IndexSearcher, String, int)}, relevance order decided with {@code reranker}. */
  public static List<ScoredArticle> rank(IndexSearcher searcher, String queryText, int depth, Reranker reranker)
      throws IOException {
    ParsedQuery parsed = QueryBudget.fit(QueryLanguage.parse(queryText), searcher.getIndexReader());
    if (LuceneQueries.scoringGroups(parsed) == 0 && !parsed.hasFilters()) {
      return List.of();
    }
    Query query = LuceneQueries.build(parsed, LuceneQueries.Match.ALL);
    TopDocs top = RelevanceTop.search(searcher, query, depth);
    if (top.totalHits.value() == 0 && LuceneQueries.scoringGroups(parsed) > 1) {
      query = LuceneQueries.build(parsed, LuceneQueries.Match.ANY);
      top = RelevanceTop.search(searcher, query, depth);
    }
    if (top.totalHits.value() > 0 && LuceneQueries.scoringGroups(parsed) > 0) {
      TopDocs reranked = reranker.rerank(searcher, queryText, query, depth);
      top = reranked == null ? top : reranked;
    }
    StoredFields stored = searcher.storedFields();
    List<ScoredArticle> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      ranked.add(new ScoredArticle(stored.document(doc.doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID), doc.score));
    }
    return ranked;
  }

  /** Builds hits for {@code top.scoreDocs[offset..]}, with snippets for {@code terms}. */
  public static List<SearchHit> hits(
      IndexSearcher searcher, TopDocs top, int offset, MatchTerms terms, boolean scored) throws IOException {
    List<SearchHit> hits = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    ScoreDoc[] docs = top.scoreDocs;
    for (int i = offset; i < docs.length; i++) {
      HitFields fields = HitFields.read(stored, docs[i].doc);
      MarkedText snippet = Passages.best(fields.body(), fields.sentences(), terms, SNIPPET_CHARS);
      hits.add(fields.hit(scored ? docs[i].score : 0f, snippet));
    }
    return hits;
  }

  /** A hit for a stored document. */
  public static SearchHit hit(Document doc, float score, MarkedText snippet) {
    IndexableField published = doc.getField(ArchiveFields.PUBLISHED);
    return new SearchHit(
        doc.get(ArchiveFields.ID),
        doc.get(ArchiveFields.TITLE),
        doc.get(ArchiveFields.SOURCE),
        doc.get(ArchiveFields.URL),
        published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue()),
        score,
        snippet,
        List.of(doc.getValues(ArchiveFields.TAG)));
  }
}
