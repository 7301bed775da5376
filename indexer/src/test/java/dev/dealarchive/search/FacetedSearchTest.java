package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.time.Instant;
import java.time.ZoneOffset;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facets counted in a search's own pass over its matches are the counts of a pass of their own, and the search is the
 * same search: on an index of 1,500 articles, for words, filters, dates, pages, newest first,
 * the any-word fallback, a query the budget rewrites, and totals over 1,000 (counted in a second pass).
 */
class FacetedSearchTest {
  private static final int ARTICLES = 1_500;
  private static final String[] SOURCES = {"Alpha Wire", "Beta News", "Gamma Daily", "Delta Post", "Epsilon"};
  private static final String[] TAGS = {"cloud", "energy", "licensing", "chips", "retail", "health", "banks"};
  private static final String[] WORDS = {"merger", "licence", "venture", "stake", "supply", "exclusive"};

  @TempDir static Path temp;
  static Directory directory;
  static DirectoryReader reader;
  static IndexSearcher searcher;

  @BeforeAll
  static void index() throws IOException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < ARTICLES; i++) {
      // Every article says "partnership" (over 1,000 matches); the other words, sources, tags and dates vary with i.
      // "partnership" said 1 to 4 times, so its scores differ and a relevance search can skip past 1,000 matches.
      String words = "partnership ".repeat(1 + i % 4) + WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length];
      String date = i % 13 == 0 ? null : LocalDate.of(2019, 1, 1).plusDays((i * 37L) % 2_400) + "T08:00:00Z";
      String tags = i % 11 == 0 ? "[]" : "[\"%s\", \"%s\"]".formatted(TAGS[i % TAGS.length], TAGS[(i / 3) % TAGS.length]);
      lines.add("{\"id\": \"a%d\", \"title\": \"Deal %d %s\", \"body\": \"A %s between two companies, number %d.\", "
          .formatted(i, i, words, words, i)
          + "\"source\": \"%s\", %s\"tags\": %s}".formatted(
              SOURCES[i % SOURCES.length], date == null ? "" : "\"published\": \"" + date + "\", ", tags));
    }
    Path input = temp.resolve("articles.jsonl");
    Files.writeString(input, String.join("\n", lines), StandardCharsets.UTF_8);
    Path index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(input), IndexOptions.defaults(), IndexProgress.NONE);
    }
    // Archive.open checks the index is one the archive wrote; the searcher below reads the same folder directly.
    Archive.open(index).close();
    directory = FSDirectory.open(index);
    reader = DirectoryReader.open(directory);
    searcher = new IndexSearcher(reader);
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  /** Searches with facets alongside; asserts it equals search and FacetCounts.of apart; says whether one pass did it. */
  private static boolean assertSameAsTwoPasses(SearchRequest request) throws IOException {
    FacetCounts.Alongside alongside = new FacetCounts.Alongside();
    SearchResult single = ArticleSearch.search(searcher, request, Reranker.NONE, alongside);
    Facets counted = alongside.facets(20);
    FacetedResult faceted = ArticleSearch.searchWithFacets(searcher, request, Reranker.NONE, 20);
    SearchResult alone = ArticleSearch.search(searcher, request);
    Facets expected = FacetCounts.of(searcher, request.query(), 20);
    String what = request.toString();
    for (SearchResult result : List.of(single, faceted.result())) {
      assertEquals(alone.total(), result.total(), what);
      assertEquals(alone.totalIsLowerBound(), result.totalIsLowerBound(), what);
      assertEquals(alone.hits(), result.hits(), what);
      assertEquals(alone.notices(), result.notices(), what);
    }
    assertEquals(expected, faceted.facets(), what);
    if (counted != null) {
      assertEquals(expected, counted, what);
    }
    return counted != null;
  }

  @Test
  void facetsFromTheSearchPassEqualASeparateCountForExactTotals() throws IOException {
    for (String query : List.of("merger", "merger venture", "stake -licence", "\"two companies\" supply",
        "exclusive source:\"Beta News\"", "licence tag:energy", "venture after:2020-06-01 before:2022-01-01",
        "stake during:2021", "merger OR stake tag:chips")) {
      SearchRequest request = SearchRequest.of(query, 10);
      assertTrue(ArticleSearch.search(searcher, request).total() <= 1_000, query);
      assertTrue(assertSameAsTwoPasses(request), "counted in the search's pass: " + query);
    }
  }

  @Test
  void pagesAndNewestFirstCountTheSameFacets() throws IOException {
    for (String query : List.of("merger", "venture tag:cloud", "supply after:2021-01-01")) {
      assertTrue(assertSameAsTwoPasses(new SearchRequest(query, 10, 10, SortOrder.RELEVANCE)), query + " page 2");
      assertTrue(assertSameAsTwoPasses(new SearchRequest(query, 10, 0, SortOrder.NEWEST)), query + " newest");
      assertTrue(assertSameAsTwoPasses(new SearchRequest(query, 10, 30, SortOrder.NEWEST)), query + " newest page 4");
    }
  }

  @Test
  void filtersAloneAreSortedNewestAndCountedInTheirPass() throws IOException {
    for (String query : List.of("source:Epsilon", "tag:banks", "source:\"Alpha Wire\" during:2020")) {
      assertTrue(assertSameAsTwoPasses(SearchRequest.of(query, 10)), query);
    }
  }

  @Test
  void aSearchThatFallsBackToAnyWordCountsTheArticlesItShows() throws IOException {
    SearchRequest request = SearchRequest.of("merger nosuchword", 10);
    assertTrue(assertSameAsTwoPasses(request));
    assertTrue(ArticleSearch.search(searcher, request).notices().stream().anyMatch(n -> n.contains("some of them")));
  }

  @Test
  void totalsOverAThousandAreCountedInASecondPassWithTheSameFigures() throws IOException {
    // By relevance the search stops counting at 1,000 (a lower bound): its pass did not see every match.
    SearchRequest byRelevance = SearchRequest.of("partnership", 10);
    assertTrue(ArticleSearch.search(searcher, byRelevance).totalIsLowerBound());
    assertEquals(false, assertSameAsTwoPasses(byRelevance), "counted in a second pass");
    assertEquals(ARTICLES, ArticleSearch.searchWithFacets(searcher, byRelevance, Reranker.NONE, 20)
        .facets().years().stream().mapToLong(Facets.Count::count).sum() + undated());
    // Newest first, the total is exact but counted separately past 1,000: facets then come from a second pass too.
    assertSameAsTwoPasses(new SearchRequest("partnership", 10, 0, SortOrder.NEWEST));
    assertSameAsTwoPasses(SearchRequest.of("partnership merger", 10));
  }

  @Test
  void aQueryTheBudgetRewritesIsCountedAsTyped() throws IOException {
    // A word given twice is searched once; facets count the query as typed, in a pass of their own.
    SearchRequest request = SearchRequest.of("merger merger", 10);
    FacetCounts.Alongside alongside = new FacetCounts.Alongside();
    ArticleSearch.search(searcher, request, Reranker.NONE, alongside);
    assertNull(alongside.facets(20));
    assertSameAsTwoPasses(request);
  }

  @Test
  void aQueryWithNothingToSearchForHasNoFacets() throws IOException {
    FacetedResult read = ArticleSearch.searchWithFacets(searcher, SearchRequest.of("  ", 10), Reranker.NONE, 20);
    assertEquals(Facets.empty(), read.facets());
    assertNotNull(read.result());
    assertEquals(Facets.empty(),
        ArticleSearch.searchWithFacets(searcher, SearchRequest.of("nosuchword", 10), Reranker.NONE, 20).facets());
  }

  private static long undated() {
    long undated = 0;
    for (int i = 0; i < ARTICLES; i++) {
      undated += i % 13 == 0 ? 1 : 0;
    }
    return undated;
  }

  @Test
  void facetsEqualAPlainCountOfEveryMatchingArticle() throws IOException {
    for (String query : List.of("partnership", "partnership nosuchword", "merger nosuchword", "partnership merger",
        "merger venture", "stake tag:chips", "nosuchword otherword")) {
      for (int maxValues : new int[] {1, 3, 20}) {
        Facets expected = plainCount(query, maxValues);
        assertEquals(expected, FacetCounts.of(searcher, query, maxValues), query + " " + maxValues);
        for (SortOrder sort : SortOrder.values()) {
          assertEquals(expected, ArticleSearch.searchWithFacets(searcher, new SearchRequest(query, 10, 0, sort),
              Reranker.NONE, maxValues).facets(), query + " " + maxValues + " " + sort);
        }
      }
    }
  }

  @Test
  void yearsAndMonthsAreWrittenAsTheFormatterWritesThem() {
    for (int year : new int[] {-12, -1, 0, 7, 42, 987, 1987, 2026, 12345}) {
      assertEquals(String.format(Locale.ROOT, "%04d", year), FacetCounts.fourDigits(year));
      for (int month = 0; month < 12; month++) {
        int key = year * 12 + month;
        assertEquals(String.format(Locale.ROOT, "%04d-%02d", key / 12, key % 12 + 1), FacetCounts.yearMonth(key));
      }
    }
  }

  @Test
  void theLargestCountsAreThoseOfTheWholeListSorted() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      Map<String, Long> counts = new HashMap<>();
      for (int i = random.nextInt(60); i > 0; i--) {
        counts.put("v" + random.nextInt(100), (long) random.nextInt(5));
      }
      int max = random.nextInt(25);
      List<Facets.Count> sorted = counts.entrySet().stream()
          .map(e -> new Facets.Count(e.getKey(), e.getValue()))
          .sorted(Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value))
          .limit(max)
          .toList();
      assertEquals(sorted, FacetCounts.largest(counts, max), counts + " " + max);
    }
  }

  /**
   * The facets of {@code query} counted the plain way: every matching article (every word, else any word) read one
   * by one from the doc values, all values sorted.
   */
  private static Facets plainCount(String query, int maxValues) throws IOException {
    ParsedQuery parsed = QueryLanguage.parse(query);
    List<Integer> docs = matching(LuceneQueries.build(parsed, LuceneQueries.Match.ALL));
    if (docs.isEmpty() && LuceneQueries.scoringGroups(parsed) > 1) {
      docs = matching(LuceneQueries.build(parsed, LuceneQueries.Match.ANY));
    }
    Map<String, Long> sources = new TreeMap<>();
    Map<String, Long> tags = new TreeMap<>();
    Map<String, Long> years = new TreeMap<>();
    Map<String, Long> months = new TreeMap<>();
    for (int doc : docs) {
      LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
      int local = doc - leaf.docBase;
      SortedDocValues source = DocValues.getSorted(leaf.reader(), ArchiveFields.SOURCE);
      if (source.advanceExact(local) && !source.lookupOrd(source.ordValue()).utf8ToString().isBlank()) {
        sources.merge(source.lookupOrd(source.ordValue()).utf8ToString(), 1L, Long::sum);
      }
      SortedSetDocValues tag = DocValues.getSortedSet(leaf.reader(), ArchiveFields.TAG_KEY);
      if (tag.advanceExact(local)) {
        for (int i = 0; i < tag.docValueCount(); i++) {
          tags.merge(tag.lookupOrd(tag.nextOrd()).utf8ToString(), 1L, Long::sum);
        }
      }
      NumericDocValues published = ArticleDocValues.published(leaf.reader());
      if (published.advanceExact(local)) {
        LocalDate day = Instant.ofEpochMilli(published.longValue()).atZone(ZoneOffset.UTC).toLocalDate();
        years.merge(String.format(Locale.ROOT, "%04d", day.getYear()), 1L, Long::sum);
        months.merge(String.format(Locale.ROOT, "%04d-%02d", day.getYear(), day.getMonthValue()), 1L, Long::sum);
      }
    }
    Comparator<Facets.Count> largestFirst =
        Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value);
    return new Facets(
        sources.entrySet().stream().map(e -> new Facets.Count(e.getKey(), e.getValue())).sorted(largestFirst)
            .limit(maxValues).toList(),
        tags.entrySet().stream().map(e -> new Facets.Count(e.getKey(), e.getValue())).sorted(largestFirst)
            .limit(maxValues).toList(),
        years.entrySet().stream().map(e -> new Facets.Count(e.getKey(), e.getValue())).toList(),
        months.entrySet().stream().map(e -> new Facets.Count(e.getKey(), e.getValue())).toList());
  }

  private static List<Integer> matching(Query query) throws IOException {
    List<Integer> docs = new ArrayList<>();
    searcher.search(query, new SimpleCollector() {
      private int base;

      @Override
      protected void doSetNextReader(LeafReaderContext context) {
        base = context.docBase;
      }

      @Override
      public void collect(int doc) {
        docs.add(base + doc);
      }

      @Override
      public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
      }
    });
    return docs;
  }

  @Test
  void queriesCarryingSharedTermStatisticsFindAndScoreAsTheQueriesThemselves() throws IOException {
    SharedTermStates shared = new SharedTermStates(searcher);
    for (String text : List.of("partnership", "partnership merger", "merger nosuchword", "stake -licence tag:chips",
        "\"two companies\" supply", "exclusive source:\"Beta News\"", "venture after:2020-06-01", "deal 7",
        "merger OR stake OR licence", "partnership venture exclusive supply")) {
      ParsedQuery parsed = QueryLanguage.parse(text);
      for (LuceneQueries.Match match : LuceneQueries.Match.values()) {
        Query plain = LuceneQueries.build(parsed, match);
        Query withStates = shared.withStates(plain);
        assertEquals(plain, withStates, text);
        for (int n : new int[] {1, 10, 60}) {
          TopDocs expected = RelevanceTop.search(searcher, plain, n);
          TopDocs actual = RelevanceTop.search(searcher, withStates, n);
          assertEquals(expected.totalHits, actual.totalHits, text);
          assertEquals(expected.scoreDocs.length, actual.scoreDocs.length, text);
          for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertEquals(expected.scoreDocs[i].doc, actual.scoreDocs[i].doc, text + " hit " + i);
            assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, text + " score " + i);
          }
        }
        assertEquals(searcher.count(plain), searcher.count(withStates), text);
      }
    }
  }
}
