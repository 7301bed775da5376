package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.BundledData;
import dev.dealarchive.embed.HashingEmbedder;
import dev.dealarchive.embed.HashingEmbedderProvider;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.QueryEmbedder;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The answer engine over an {@link AnswerIndex} that is not the embedded index (as a cluster's is): it has no passage
 * vectors to rank by, so even a hybrid engine answers by words alone, exactly as a keyword engine does.
 */
class AnswerIndexSeamTest {
  @TempDir static Path temp;
  static Path index;
  static Archive archive;
  static HashingEmbedder model;

  @BeforeAll
  static void indexWithVectors() throws IOException {
    index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(new HashingEmbedderProvider())) {
      indexer.index(List.of(BundledData.folder()), IndexOptions.defaults(), IndexProgress.NONE);
    }
    archive = Archive.open(index);
    model = new HashingEmbedder("1");
  }

  @AfterAll
  static void close() throws IOException {
    archive.close();
    model.close();
  }

  /** The embedded index seen only through the seam, as the cluster's engine sees its index. */
  private record Remote(AnswerIndex index) implements AnswerIndex {
    @Override
    public long articleCount() throws IOException {
      return index.articleCount();
    }

    @Override
    public long docFreq(String field, String term) throws IOException {
      return index.docFreq(field, term);
    }

    @Override
    public String closestWord(String field, String word, int maxEdits) throws IOException {
      return index.closestWord(field, word, maxEdits);
    }

    @Override
    public List<Ranked> top(Query query, int n, BM25Similarity similarity) throws IOException {
      return index.top(query, n, similarity);
    }
  }

  private static Answerer hybrid() {
    return Answerer.withDefaults(index, AnswerSettings.defaults(), HybridSettings.defaults(), QueryEmbedder.of(model));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "is Microsoft still OpenAI's only cloud provider?",
        "how much revenue does OpenAI share with Microsoft",
        "who invested in Northwind",
        "latest news on Kestrel",
        "revenu shaer microsoft"
      })
  void aHybridEngineOverAnotherIndexAnswersAsTheKeywordEngine(String question) throws IOException {
    Answerer keyword = Answerer.withDefaults(index);
    Answerer hybrid = hybrid();
    archive.withSearcher(searcher -> {
      AskResult byWords = keyword.ask(searcher, question, 5);
      AskResult remote = hybrid.ask(new Remote(new LuceneAnswerIndex(searcher)), question, 5);
      assertEquals(byWords.correctedQuestion(), remote.correctedQuestion());
      assertEquals(byWords.answer(), remote.answer());
      assertEquals(byWords.hits(), remote.hits());
      assertEquals(byWords.notices(), remote.notices());
      List<ScoredArticle> ranked = hybrid.rank(new Remote(new LuceneAnswerIndex(searcher)), question, 20);
      assertEquals(keyword.rank(searcher, question, 20, RetrievalMode.KEYWORD), ranked);
      assertFalse(ranked.isEmpty());
      return null;
    });
  }

  @Test
  void aSlipIsCorrectedThroughTheSeam() throws IOException {
    AskResult result = archive.withSearcher(
        searcher -> hybrid().ask(new Remote(new LuceneAnswerIndex(searcher)), "Microsoft revenu share", 5));
    assertEquals("Microsoft revenue share", result.correctedQuestion());
    assertNotNull(result.answer());
  }

  @Test
  void articlesAreCountedWithoutTheirPassages() throws IOException {
    archive.withSearcher(searcher -> {
      long articles = new LuceneAnswerIndex(searcher).articleCount();
      assertEquals(archive.articleCount(), articles);
      assertTrue(searcher.getIndexReader().numDocs() > articles, "the test index has passage documents");
      return null;
    });
  }

  @Test
  void theEmbeddedIndexIsRankedByMeaningAsWell() throws IOException {
    // Not the seam's fallback: through LuceneAnswerIndex the hybrid engine uses the passage vectors.
    Answerer hybrid = hybrid();
    String question = "is Microsoft still OpenAI's only cloud provider?";
    archive.withSearcher(searcher -> {
      IndexSearcher plain = new IndexSearcher(searcher.getIndexReader());
      List<ScoredArticle> fused = hybrid.rank(new LuceneAnswerIndex(plain), question, 20);
      List<ScoredArticle> byWords = hybrid.rank(plain, question, 20, RetrievalMode.KEYWORD);
      assertFalse(fused.equals(byWords), "hybrid ranking differs from words alone");
      return null;
    });
  }
}
