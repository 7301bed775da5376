package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArchiveAnalyzers;
import dev.dealarchive.indexing.ArticleDocuments;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** The score-collected top hits must come out exactly as the full relevance sort orders them. */
class RelevanceTopTest {
  /** Articles whose body repeats a filler word {@code i % groups} times: equal scores in groups. */
  private static IndexSearcher index(Directory directory, int articles, int groups) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex());
    // Several segments, so ties span leaves and doc values are read per leaf.
    config.setMaxBufferedDocs(37);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      for (int i = 0; i < articles; i++) {
        // Ids in an order unrelated to document numbers, some articles undated, some sharing a date.
        String id = "a-" + ((i * 7919) % articles);
        Instant published = i % 5 == 0 ? null : Instant.ofEpochSecond(1_700_000_000L + (i % 11) * 86_400L);
        String body = "merger " + "filler ".repeat(i % groups);
        writer.addDocument(
            ArticleDocuments.toDocument(
                new Article(id, "news " + (i % 4), body, published, "wire", null, List.of(), List.of(), "o", "h")));
      }
    }
    return new IndexSearcher(DirectoryReader.open(directory));
  }

  private static int[] docs(ScoreDoc[] hits) {
    return Arrays.stream(hits).mapToInt(hit -> hit.doc).toArray();
  }

  private static void assertSameAsFieldSort(IndexSearcher searcher, Query query, int n) throws IOException {
    TopDocs expected = searcher.search(query, n, ArticleSearch.relevanceOrder(), true);
    TopDocs actual = RelevanceTop.search(searcher, query, n);
    assertArrayEquals(docs(expected.scoreDocs), docs(actual.scoreDocs), "top " + n);
    // ask's variant counts no matches beyond its hits (so skipping starts at once): the same hits, the same scores.
    TopDocs uncounted = RelevanceTop.top(searcher, query, n);
    assertArrayEquals(docs(expected.scoreDocs), docs(uncounted.scoreDocs), "uncounted top " + n);
    for (int i = 0; i < actual.scoreDocs.length; i++) {
      assertEquals(actual.scoreDocs[i].score, uncounted.scoreDocs[i].score, "score of hit " + i);
    }
  }

  @Test
  void withoutCountingTheHitsOfManyMatchesAreTheSame() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      IndexSearcher searcher = index(directory, 3_000, 40);
      for (String words : new String[] {"merger", "merger news", "news 1 merger"}) {
        Query query = LuceneQueries.build(QueryLanguage.parse(words), LuceneQueries.Match.ANY);
        for (int n : new int[] {1, 10, 132}) {
          assertSameAsFieldSort(searcher, query, n);
        }
      }
      searcher.getIndexReader().close();
    }
  }

  @Test
  void tiesWithinTheMarginAreOrderedByDateThenId() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      IndexSearcher searcher = index(directory, 300, 60);
      Query query = LuceneQueries.build(QueryLanguage.parse("merger"), LuceneQueries.Match.ALL);
      for (int n : new int[] {1, 3, 10, 25, 100, 400}) {
        assertSameAsFieldSort(searcher, query, n);
      }
      searcher.getIndexReader().close();
    }
  }

  @Test
  void aTieReachingPastTheFirstMarginIsCollectedWithALargerOne() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      // Every article scores the same: the tie at any cut-off spans more than the first margin.
      IndexSearcher searcher = index(directory, 200, 1);
      Query query = LuceneQueries.build(QueryLanguage.parse("merger"), LuceneQueries.Match.ALL);
      for (int n : new int[] {1, 10, 50}) {
        assertSameAsFieldSort(searcher, query, n);
      }
      searcher.getIndexReader().close();
    }
  }

  @Test
  void aTieReachingPastEveryMarginFallsBackToTheFieldSort() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      IndexSearcher searcher = index(directory, 5_000, 1);
      Query query = LuceneQueries.build(QueryLanguage.parse("merger"), LuceneQueries.Match.ALL);
      assertSameAsFieldSort(searcher, query, 10);
      searcher.getIndexReader().close();
    }
  }

  @Test
  void totalIsExactBelowTheThresholdAndALowerBoundAbove() throws IOException {
    try (Directory directory = new ByteBuffersDirectory()) {
      IndexSearcher searcher = index(directory, 3_000, 40);
      SearchResult many = ArticleSearch.search(searcher, SearchRequest.of("merger", 10));
      assertTrue(many.totalIsLowerBound());
      assertTrue(many.total() >= RelevanceTop.COUNT_THRESHOLD && many.total() <= 3_000, "total " + many.total());
      assertEquals(10, many.hits().size());
      // Sorting by date counts every match, as before.
      SearchResult newest = ArticleSearch.search(searcher, new SearchRequest("merger", 10, 0, SortOrder.NEWEST));
      assertFalse(newest.totalIsLowerBound());
      assertEquals(3_000, newest.total());
      SearchResult few = ArticleSearch.search(searcher, SearchRequest.of("news 1", 10));
      assertFalse(few.totalIsLowerBound());
      assertEquals(750, few.total());
      searcher.getIndexReader().close();
    }
  }
}
