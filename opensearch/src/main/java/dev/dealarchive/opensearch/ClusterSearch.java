package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.LuceneQueries;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.ParsedQuery;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.QueryBudget;
import dev.dealarchive.search.QueryLanguage;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Searches in the archive's query language on a cluster, with the embedded search's semantics ({@link
 * ArticleSearch#search}): every word required, relaxed to any word when nothing has them all; filter-only queries
 * newest first; relevance ties broken by newest, then id; totals exact up to 1,000 and a lower bound beyond. The
 * query is the embedded one ({@link LuceneQueries}), translated by {@link DslQueries}; the snippet is cut from the
 * returned text by the same passage code, so it reads the same on both engines.
 */
public final class ClusterSearch {
  /** Matches counted exactly by a relevance search, as the embedded {@code RelevanceTop}. */
  static final int COUNT_THRESHOLD = 1000;
  static final List<String> DISPLAY_FIELDS =
      List.of(ArchiveFields.ID, ArchiveFields.TITLE, ArchiveFields.BODY, ArchiveFields.SOURCE, ArchiveFields.URL,
          ArchiveFields.PUBLISHED, ArchiveFields.TAG);

  private final ClusterClient client;

  public ClusterSearch(ClusterClient client) {
    this.client = client;
  }

  /** One page of hits as the cluster returned them. */
  record Page(long total, boolean lowerBound, List<Found> hits) {}

  /** A hit: the stored article and its score. */
  public record Found(Article article, float score) {}

  public SearchResult search(SearchRequest request) throws IOException {
    long started = System.nanoTime();
    ParsedQuery parsed = QueryBudget.fit(QueryLanguage.parse(request.query()), this::docFreq);
    List<String> notices = new ArrayList<>(parsed.notices());
    boolean filtersOnly = LuceneQueries.scoringGroups(parsed) == 0;
    if (filtersOnly && !parsed.hasFilters() && parsed.excluded().isEmpty()) {
      notices.add("the query has no words to search for");
      return new SearchResult(request.query(), 0, false, List.of(), notices, System.nanoTime() - started);
    }
    boolean byRelevance = !filtersOnly && request.sort() != SortOrder.NEWEST;
    Query query = LuceneQueries.build(parsed, LuceneQueries.Match.ALL);
    Page page = page(query, request.offset(), request.limit(), byRelevance, DISPLAY_FIELDS);
    if (page.total() == 0 && LuceneQueries.scoringGroups(parsed) > 1) {
      query = LuceneQueries.build(parsed, LuceneQueries.Match.ANY);
      page = page(query, request.offset(), request.limit(), byRelevance, DISPLAY_FIELDS);
      if (page.total() > 0) {
        notices.add("no article has all the words; showing articles with some of them");
      }
    }
    MatchTerms terms = MatchTerms.of(parsed.positiveParts());
    List<SearchHit> hits = new ArrayList<>();
    for (Found found : page.hits()) {
      MarkedText snippet = Passages.best(found.article().body(), terms, ArticleSearch.SNIPPET_CHARS);
      hits.add(SearchHit.of(found.article(), filtersOnly ? 0f : found.score(), snippet));
    }
    return new SearchResult(
        request.query(), page.total(), page.lowerBound(), hits, notices, System.nanoTime() - started);
  }

  /**
   * The articles among {@code ids} that match every word, phrase and filter of {@code queryText} (all of them when it
   * is blank), newest first, with the best passage as snippet: as the embedded index's {@code ArticleIds.searchAmong}.
   */
  public SearchResult searchAmong(String queryText, Collection<String> ids, int limit) throws IOException {
    long started = System.nanoTime();
    String text = queryText == null ? "" : queryText;
    if (ids.isEmpty()) {
      return new SearchResult(text, 0, false, List.of(), List.of(), System.nanoTime() - started);
    }
    boolean blank = text.isBlank();
    ParsedQuery parsed = QueryLanguage.parse(blank ? "" : text);
    Query matching = blank ? new MatchAllDocsQuery() : LuceneQueries.build(parsed, LuceneQueries.Match.ALL);
    Query among = new BooleanQuery.Builder()
        .add(matching, BooleanClause.Occur.MUST)
        .add(new TermInSetQuery(ArchiveFields.ID, ids.stream().map(BytesRef::new).toList()), BooleanClause.Occur.FILTER)
        .build();
    Page page = page(among, 0, Math.max(1, limit), false, DISPLAY_FIELDS);
    MatchTerms marks = blank ? new MatchTerms(Set.of(), Set.of()) : MatchTerms.of(parsed.positiveParts());
    List<SearchHit> hits = new ArrayList<>();
    for (Found found : page.hits()) {
      MarkedText snippet = Passages.best(found.article().body(), marks, ArticleSearch.SNIPPET_CHARS);
      hits.add(SearchHit.of(found.article(), 0f, snippet));
    }
    return new SearchResult(text, page.total(), false, hits, parsed.notices(), System.nanoTime() - started);
  }

  /**
   * How many articles {@code queryText} matches per source, tag, year and month, from aggregations over the query the
   * search runs (every word, relaxed to any word when nothing has them all), as the embedded {@code FacetCounts}.
   */
  public Facets facets(String queryText, int maxValues) throws IOException {
    ParsedQuery parsed = QueryLanguage.parse(queryText);
    int groups = LuceneQueries.scoringGroups(parsed);
    if (groups == 0 && !parsed.hasFilters() && parsed.excluded().isEmpty()) {
      return Facets.empty();
    }
    JsonNode aggregations = facetAggregations(LuceneQueries.build(parsed, LuceneQueries.Match.ALL), maxValues);
    if (aggregations.path("matched").path("value").asLong() == 0 && groups > 1) {
      aggregations = facetAggregations(LuceneQueries.build(parsed, LuceneQueries.Match.ANY), maxValues);
    }
    List<Facets.Count> sources = new ArrayList<>();
    for (JsonNode bucket : aggregations.path("sources").path("buckets")) {
      if (!bucket.path("key").asText().isBlank() && sources.size() < Math.max(0, maxValues)) {
        sources.add(new Facets.Count(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
      }
    }
    List<Facets.Count> tags = new ArrayList<>();
    for (JsonNode bucket : aggregations.path("tags").path("buckets")) {
      tags.add(new Facets.Count(bucket.path("key").asText(), bucket.path("doc_count").asLong()));
    }
    List<Facets.Count> months = new ArrayList<>();
    java.util.Map<String, Long> years = new java.util.TreeMap<>();
    for (JsonNode bucket : aggregations.path("months").path("buckets")) {
      long count = bucket.path("doc_count").asLong();
      if (count > 0) {
        String month = bucket.path("key_as_string").asText();
        months.add(new Facets.Count(month, count));
        years.merge(month.substring(0, 4), count, Long::sum);
      }
    }
    List<Facets.Count> yearCounts = new ArrayList<>();
    years.forEach((year, count) -> yearCounts.add(new Facets.Count(year, count)));
    return new Facets(sources, tags.stream().limit(Math.max(0, maxValues)).toList(), yearCounts, months);
  }

  private JsonNode facetAggregations(Query query, int maxValues) throws IOException {
    ObjectNode body = client.object();
    body.set("query", DslQueries.of(client.json(), query));
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("matched").putObject("value_count").put("field", ArchiveFields.ID);
    // One more source than asked for, as a blank source is not listed; counts exact over all shards.
    terms(aggs.putObject("sources"), ArchiveFields.SOURCE, maxValues + 1);
    terms(aggs.putObject("tags"), ArchiveFields.TAG_KEY, maxValues);
    aggs.putObject("months").putObject("date_histogram").put("field", ArchiveFields.PUBLISHED)
        .put("calendar_interval", "month").put("format", "yyyy-MM").put("time_zone", "UTC").put("min_doc_count", 1);
    return client.searchArticles(body).path("aggregations");
  }

  private static void terms(ObjectNode aggregation, String field, int size) {
    ObjectNode terms = aggregation.putObject("terms");
    terms.put("field", field);
    terms.put("size", Math.max(1, size));
    terms.put("shard_size", Math.max(1000, size * 10));
    ArrayNode order = terms.putArray("order");
    order.addObject().put("_count", "desc");
    order.addObject().put("_key", "asc");
  }

  /** Articles whose {@code field} holds {@code term}: for the search budget's choice of the rarest words. */
  long docFreq(String field, String term) throws IOException {
    ObjectNode body = client.object();
    body.putObject("query").putObject("term").putObject(field).put("value", term);
    return client.call("POST", "/" + client.config().index() + "/_count", body).path("count").asLong();
  }

  /** The newest {@code n} articles. */
  public List<SearchHit> latest(int n) throws IOException {
    Page page = page(new MatchAllDocsQuery(), 0, n, false, DISPLAY_FIELDS);
    List<SearchHit> hits = new ArrayList<>();
    for (Found found : page.hits()) {
      hits.add(SearchHit.of(found.article(), 0f, Passages.best(found.article().body(), MatchTerms.of(List.of()),
          ArticleSearch.SNIPPET_CHARS)));
    }
    return hits;
  }

  /** The ranking of a search, for evaluation: same semantics as {@link #search}. */
  public List<ScoredArticle> rank(String queryText, int depth) throws IOException {
    ParsedQuery parsed = QueryBudget.fit(QueryLanguage.parse(queryText), this::docFreq);
    if (LuceneQueries.scoringGroups(parsed) == 0 && !parsed.hasFilters()) {
      return List.of();
    }
    Page page = page(LuceneQueries.build(parsed, LuceneQueries.Match.ALL), 0, depth, true, List.of(ArchiveFields.ID));
    if (page.total() == 0 && LuceneQueries.scoringGroups(parsed) > 1) {
      page = page(LuceneQueries.build(parsed, LuceneQueries.Match.ANY), 0, depth, true, List.of(ArchiveFields.ID));
    }
    return page.hits().stream().map(f -> new ScoredArticle(f.article().id(), f.score())).toList();
  }


  /**
   * Runs {@code query} and returns hits {@code offset} to {@code offset + limit}: by relevance (score, newest, id)
   * or newest first (undated last, then id). Scores use the statistics of the whole index, not of each shard, so
   * they equal the embedded index's.
   */
  Page page(Query query, int offset, int limit, boolean byRelevance, List<String> fields) throws IOException {
    return page(query, offset, limit, byRelevance, fields, UnaryOperator.identity());
  }

  /** As {@link #page(Query, int, int, boolean, List)}, scoring the fields {@code scoredFields} names instead. */
  Page page(Query query, int offset, int limit, boolean byRelevance, List<String> fields,
      UnaryOperator<String> scoredFields) throws IOException {
    ObjectNode body = client.object();
    body.set("query", DslQueries.of(client.json(), query, scoredFields));
    body.put("from", offset);
    body.put("size", limit);
    if (byRelevance) {
      body.put("track_total_hits", Math.max(COUNT_THRESHOLD, offset + limit));
    } else {
      body.put("track_total_hits", true);
    }
    ArrayNode sort = body.putArray("sort");
    if (byRelevance) {
      sort.addObject().put("_score", "desc");
    }
    sort.addObject().putObject(ArchiveFields.PUBLISHED).put("order", "desc").put("missing", "_last");
    sort.addObject().putObject(ArchiveFields.ID).put("order", "asc");
    body.put("track_scores", byRelevance);
    ArrayNode includes = body.putObject("_source").putArray("includes");
    fields.forEach(includes::add);
    JsonNode reply = client.searchArticles(Map.of("search_type", "dfs_query_then_fetch"), body);
    JsonNode total = reply.path("hits").path("total");
    List<Found> hits = new ArrayList<>();
    for (JsonNode hit : reply.path("hits").path("hits")) {
      float score = hit.path("_score").isNumber() ? (float) hit.path("_score").asDouble() : 0f;
      hits.add(new Found(IndexSchema.article(withDefaults(hit.path("_source"))), score));
    }
    return new Page(total.path("value").asLong(), "gte".equals(total.path("relation").asText()), hits);
  }

  static JsonNode withDefaults(JsonNode source) {
    if (source instanceof ObjectNode object && !object.has(ArchiveFields.HASH)) {
      object.put(ArchiveFields.HASH, "");
    }
    return source;
  }
}
