package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on the k-NN test node (OpenSearch 2.19.1 with the k-NN plugin, module {@code opensearch-knn-node}):
 * the archive's 3.9 client creates its index (analysis, sub-field similarities, ingest pipeline), writes in bulk,
 * searches (same ids, totals, snippets; scores times k1 + 1, see below) and aggregates on it as on OpenSearch 3,
 * and the node lists the plugin. Answers are refused with a clear message: 2.19 lacks {@code combined_fields}.
 */
class KnnNodeTest {
  /** k1 + 1 with the search defaults (k1 1.2): OpenSearch 2's legacy BM25 keeps this factor. */
  static final double LEGACY_BM25_FACTOR = 2.2;

  @TempDir static Path base;
  static ClusterAndEmbedded engines;
  static TestCluster node;
  static EmbeddedEngine embedded;

  @BeforeAll
  static void startNode() throws Exception {
    engines = ClusterAndEmbedded.start(base, 1, TestCluster.Distribution.OPENSEARCH_2_KNN);
    node = engines.cluster();
    embedded = engines.embedded();
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (engines != null) {
      engines.close();
    }
  }

  @Test
  void theEngineIndexesSearchesAndAggregatesOnOpenSearch2WithTheKnnPluginButCannotAnswer() throws Exception {
    try (OpenSearchEngine os = OpenSearchClusterTest.engine("knn-parity", base.resolve("copy"), node.urls())) {
      assertTrue(os.client().plugins().contains(ClusterAnswers.KNN_PLUGIN_CLASS), os.client().plugins().toString());
      IndexSummary summary = os.index(List.of(ClusterAndEmbedded.DATA), IndexOptions.defaults(),
          IndexProgress.NONE);
      assertTrue(summary.added() > 0, summary.toString());
      assertEquals(OpenSearchClusterTest.ids(embedded), OpenSearchClusterTest.ids(os));

      for (SearchRequest request : OpenSearchClusterTest.EXAMPLES) {
        SearchResult mine = os.search(request);
        SearchResult theirs = embedded.search(request);
        String what = request.query() + " " + request.sort() + " offset " + request.offset();
        assertEquals(OpenSearchClusterTest.idsOf(theirs), OpenSearchClusterTest.idsOf(mine), what);
        assertEquals(theirs.total(), mine.total(), what);
        for (int i = 0; i < mine.hits().size(); i++) {
          SearchHit a = theirs.hits().get(i);
          SearchHit b = mine.hits().get(i);
          assertEquals(a.snippet(), b.snippet(), what);
          // OpenSearch 2 scores "BM25" with Lucene's legacy formula, which multiplies every term's score by
          // k1 + 1 (2.2 with the search defaults); OpenSearch 3 and the embedded index do not. Same order.
          double expected = a.score() * LEGACY_BM25_FACTOR;
          assertEquals(expected, b.score(), Math.max(1e-3, expected * 1e-3), what + " score of " + a.id());
        }
      }
      // OpenSearch 2.19 has no combined_fields query (BM25F), which the answer engine ranks with: ask is refused
      // with one clear message instead of the cluster's parsing error.
      for (String question :
          List.of(OpenSearchClusterTest.REVENUE_SHARE, "Until when is the IP licence non-exclusive?")) {
        ClusterException refused = assertThrows(ClusterException.class, () -> os.ask(question, 5));
        assertTrue(refused.getMessage().contains("cannot answer questions")
            && refused.getMessage().contains("combined_fields"), refused.getMessage());
        assertTrue(embedded.ask(question, 5).answer() != null, question);
      }
      for (String query : List.of("revenue share", "after:2025-01-01", "")) {
        assertEquals(embedded.facets(query, 10), os.facets(query, 10), "facets of " + query);
      }
      ArchiveStats mine = os.stats();
      ArchiveStats theirs = embedded.stats();
      assertEquals(theirs.articles(), mine.articles());
      assertEquals(theirs.sources(), mine.sources());
      assertEquals(theirs.oldest(), mine.oldest());
      assertEquals(theirs.newest(), mine.newest());
    }
  }
}
