package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.BundledData;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.HashingEmbedder;
import dev.dealarchive.embed.HashingEmbedderProvider;
import dev.dealarchive.embed.PassageSplitter;
import dev.dealarchive.embed.VectorSearch;
import dev.dealarchive.search.LuceneQueries;
import dev.dealarchive.search.QueryLanguage;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vectors in the index, with the hashing test model: incremental, no stale passage, invisible to article lists. */
class VectorIndexTest {
  /** Articles in the bundled data/ folder. */
  private static final int ARTICLES = 14;
  private static final HashingEmbedderProvider MODEL = new HashingEmbedderProvider();

  @TempDir Path temp;
  Path data;
  Path index;

  @BeforeEach
  void copyData() throws IOException {
    data = Files.createDirectories(temp.resolve("data"));
    try (Stream<Path> files = Files.list(BundledData.folder())) {
      for (Path file : files.toList()) {
        Files.copy(file, data.resolve(file.getFileName()));
      }
    }
    index = temp.resolve("index");
  }

  @AfterEach
  void defaultModel() {
    System.clearProperty("archive.test.model.version");
  }

  private IndexSummary sync(Boolean vectors) throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(MODEL).vectors(vectors)) {
      return indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private EmbedSummary syncReportingEmbedding() throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(MODEL)) {
      indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
      return indexer.lastEmbedding();
    }
  }

  private long passagesOf(Archive archive, String id) throws IOException {
    return archive.withSearcher(s -> (long) s.count(new TermQuery(ArticleBlocks.passagesOf(id))));
  }

  @Test
  void aNewIndexGetsOneVectorPerPassageAndListsOnlyArticles() throws IOException {
    long before = HashingEmbedder.PASSAGES.get();
    sync(null);
    try (Archive archive = Archive.open(index)) {
      VectorStats vectors = archive.vectorStats();
      long articles = archive.articleCount();
      assertEquals(ARTICLES, articles, "the bundled articles");
      assertTrue(vectors.state().enabled());
      assertEquals(new HashingEmbedderProvider().modelKey(), vectors.state().modelKey());
      assertEquals(HashingEmbedder.DIMENSION, vectors.state().dimension());
      assertEquals(articles, vectors.embedded());
      assertEquals(0, vectors.waiting());
      assertTrue(vectors.passages() > articles, "several passages per article: " + vectors.passages());
      assertEquals(vectors.passages(), HashingEmbedder.PASSAGES.get() - before, "each passage embedded once");

      assertEquals(articles, archive.stats().articles());
      assertEquals(articles, archive.latest(1000).size());
      archive.latest(1000).forEach(hit -> assertNotNull(hit.title(), "a listed document is an article"));
      SearchResult bySource = archive.search(new SearchRequest("source:\"Sample Wire\"", 100, 0, null));
      assertTrue(bySource.total() >= 3 && bySource.hits().stream().allMatch(hit -> hit.source().startsWith("Sample Wire")));
      SearchResult exclusionOnly = archive.search(new SearchRequest("-zzzzunknown", 1000, 0, null));
      assertEquals(articles, exclusionOnly.total(), "a query of exclusions only lists articles, not passages");
    }
  }

  @Test
  void passagesAreCutFromTheBodyAndTheirVectorsFindTheirArticleWithinFilters() throws IOException {
    sync(null);
    String id = "microsoft-openai-2026-04-28";
    try (Archive archive = Archive.open(index);
        Embedder model = new HashingEmbedderProvider().open(new EmbedderSettings(temp, 1))) {
      archive.withSearcher(
          searcher -> {
            Document article =
                searcher.storedFields().document(searcher.search(new TermQuery(new Term(ArchiveFields.ID, id)), 1).scoreDocs[0].doc);
            String body = article.get(ArchiveFields.BODY);
            int expected = PassageSplitter.split(body).size();
            assertEquals(expected, searcher.count(new TermQuery(ArticleBlocks.passagesOf(id))));

            String passageText = PassageSplitter.split(body).get(1).text();
            float[] query = model.embedQuery(article.get(ArchiveFields.TITLE) + "\n" + passageText);
            List<VectorSearch.PassageHit> hits = VectorSearch.search(searcher, query, null, 5);
            assertEquals(id, searcher.storedFields().document(hits.get(0).articleDoc()).get(ArchiveFields.ID));
            assertEquals(passageText, VectorSearch.passage(searcher, hits.get(0).passageDoc()).text());
            assertTrue(hits.get(0).score() > 0.99f, "the same text: " + hits.get(0).score());
            Set<Integer> articles = new HashSet<>();
            hits.forEach(hit -> assertTrue(articles.add(hit.articleDoc()), "one hit per article"));

            BooleanQuery.Builder filter = new BooleanQuery.Builder();
            filter.add(ArticleBlocks.articles(), Occur.MUST);
            LuceneQueries.filters(QueryLanguage.parse("source:\"Sample Wire\" deal")).forEach(f -> filter.add(f, Occur.FILTER));
            Query sampleWire = filter.build();
            List<VectorSearch.PassageHit> filtered = VectorSearch.search(searcher, query, sampleWire, 5);
            assertFalse(filtered.isEmpty());
            for (VectorSearch.PassageHit hit : filtered) {
              assertTrue(
                  searcher.storedFields().document(hit.articleDoc()).get(ArchiveFields.SOURCE).startsWith("Sample Wire"),
                  "the filter applies to the vector side");
            }
            return null;
          });
    }
  }

  @Test
  void aResyncEmbedsOnlyNewAndChangedArticlesAndLeavesNoStalePassage() throws IOException {
    sync(null);
    long before = HashingEmbedder.PASSAGES.get();
    EmbedSummary unchanged = syncReportingEmbedding();
    assertEquals(0, unchanged.articles());
    assertEquals(before, HashingEmbedder.PASSAGES.get(), "nothing embedded again");

    Path changed = data.resolve("kestrel-bio-aws-exclusive.txt");
    Files.writeString(changed, "Kestrel Bio picks AWS\n\nKestrel Bio will run its lab software on AWS. That is all.\n", StandardCharsets.UTF_8);
    Files.delete(data.resolve("northwind-helios-inspection-licence.md"));
    Files.writeString(
        data.resolve("new-deal.md"),
        "---\nid: new-deal\ntitle: Acme licenses Widget patents\n---\nAcme licenses Widget's patents. Widget gets royalties.\n",
        StandardCharsets.UTF_8);
    EmbedSummary embedded = syncReportingEmbedding();
    assertEquals(2, embedded.articles(), "the changed and the new article");
    assertEquals(2, HashingEmbedder.PASSAGES.get() - before, "one passage each");
    try (Archive archive = Archive.open(index)) {
      assertEquals(1, passagesOf(archive, "kestrel-bio-aws-exclusive.txt"), "the changed article's old passages are gone");
      assertEquals(0, passagesOf(archive, "northwind-helios-inspection-licence.md"), "the deleted article's passages are gone");
      assertEquals(1, passagesOf(archive, "new-deal"));
      VectorStats vectors = archive.vectorStats();
      assertEquals(0, vectors.waiting());
      assertEquals(archive.articleCount(), vectors.embedded());
    }
  }

  @Test
  void aFullRebuildGivesUnchangedArticlesTheirVectorsBackAndEmbedsOnlyTheChangedOne() throws IOException {
    sync(null);
    Files.writeString(
        data.resolve("kestrel-bio-aws-exclusive.txt"),
        "Kestrel Bio picks AWS\n\nKestrel Bio will run its lab software on AWS. That is all.\n",
        StandardCharsets.UTF_8);
    long before = HashingEmbedder.PASSAGES.get();
    EmbedSummary rebuilt;
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(MODEL)) {
      indexer.index(List.of(data), new IndexOptions(null, 2, true), IndexProgress.NONE);
      rebuilt = indexer.lastEmbedding();
    }
    assertEquals(1, rebuilt.articles(), "only the changed article is embedded");
    assertEquals(ARTICLES - 1, rebuilt.reused());
    assertEquals(1, HashingEmbedder.PASSAGES.get() - before);
    try (Archive archive = Archive.open(index);
        Embedder model = MODEL.open(new EmbedderSettings(temp, 1))) {
      VectorStats vectors = archive.vectorStats();
      assertEquals(0, vectors.waiting());
      assertEquals(ARTICLES, vectors.embedded());
      String id = "microsoft-openai-2026-04-28";
      archive.withSearcher(
          searcher -> {
            Document article =
                searcher.storedFields().document(searcher.search(new TermQuery(new Term(ArchiveFields.ID, id)), 1).scoreDocs[0].doc);
            String body = article.get(ArchiveFields.BODY);
            assertEquals(PassageSplitter.split(body).size(), searcher.count(new TermQuery(ArticleBlocks.passagesOf(id))));
            String text = PassageSplitter.split(body).get(2).text();
            List<VectorSearch.PassageHit> hits =
                VectorSearch.search(searcher, model.embedQuery(article.get(ArchiveFields.TITLE) + "\n" + text), null, 1);
            assertEquals(text, VectorSearch.passage(searcher, hits.get(0).passageDoc()).text(), "the kept vector is the passage's");
            assertTrue(hits.get(0).score() > 0.99f);
            return null;
          });
    }
  }

  @Test
  void aKeywordOnlyIndexStaysSoUntilVectorsAreAdded() throws IOException {
    sync(false);
    try (Archive archive = Archive.open(index)) {
      VectorStats vectors = archive.vectorStats();
      assertFalse(vectors.state().enabled());
      assertEquals(0, vectors.passages());
      assertEquals(0, vectors.waiting(), "nothing waits in a keyword-only index");
    }
    assertNull(syncReportingEmbedding(), "a later sync without --vectors stays keyword-only");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(MODEL)) {
      EmbedSummary added = indexer.embed(IndexProgress.NONE);
      assertEquals(ARTICLES, added.articles());
    }
    Files.writeString(data.resolve("later.md"), "---\nid: later\ntitle: Later deal\n---\nA later deal.\n", StandardCharsets.UTF_8);
    assertEquals(1, syncReportingEmbedding().articles(), "once added, vectors follow every sync");
  }

  @Test
  void skippingVectorsInOneRunLeavesArticlesWaitingAndStatsSaySo() throws IOException {
    sync(null);
    Files.writeString(data.resolve("later.md"), "---\nid: later\ntitle: Later deal\n---\nA later deal.\n", StandardCharsets.UTF_8);
    sync(false);
    try (Archive archive = Archive.open(index)) {
      assertEquals(1, archive.vectorStats().waiting());
      assertEquals(ARTICLES + 1, archive.search(SearchRequest.of("-zzzzunknown", 100)).total());
    }
    assertEquals(1, syncReportingEmbedding().articles(), "the next sync embeds what waits");
  }

  /** A provider of the test model's key whose model cannot be loaded. */
  private static final EmbedderProvider BROKEN =
      new EmbedderProvider() {
        @Override
        public String name() {
          return "broken";
        }

        @Override
        public String modelKey() {
          return MODEL.modelKey();
        }

        @Override
        public Embedder open(EmbedderSettings settings) throws IOException {
          throw new IOException("the model file is damaged");
        }
      };

  @Test
  void aFullRebuildOfUnchangedInputsDoesNotLoadTheModel() throws IOException {
    sync(null);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(BROKEN)) {
      indexer.index(List.of(data), new IndexOptions(null, 2, true), IndexProgress.NONE);
      assertEquals(ARTICLES, indexer.lastEmbedding().reused());
      assertEquals(0, indexer.lastEmbedding().articles());
    }
  }

  @Test
  void aModelThatFailsLeavesTheArticlesCommittedAndWaitingAndTheNextSyncEmbedsThem() throws IOException {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(BROKEN)) {
      IOException failure =
          assertThrows(IOException.class, () -> indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE));
      assertTrue(failure.getMessage().contains("searchable by their words"), failure.getMessage());
      assertTrue(failure.getMessage().contains("the model file is damaged"), failure.getMessage());
    }
    try (Archive archive = Archive.open(index)) {
      assertEquals(ARTICLES, archive.articleCount(), "the keyword side was committed");
      assertEquals(ARTICLES, archive.vectorStats().waiting());
    }
    assertEquals(ARTICLES, syncReportingEmbedding().articles(), "the next sync embeds them");
  }

  @Test
  void aModelChangeIsReportedAndOneCommandEmbedsEverythingAgain() throws IOException {
    sync(null);
    System.setProperty("archive.test.model.version", "2");
    EmbedSummary sync = syncReportingEmbedding();
    assertEquals(0, sync.articles(), "a sync does not mix two models' vectors");
    assertEquals(ARTICLES, sync.waiting());
    assertTrue(sync.note().contains("archive embed"), sync.note());
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index).embedWith(MODEL)) {
      assertEquals(ARTICLES, indexer.embed(IndexProgress.NONE).articles());
    }
    try (Archive archive = Archive.open(index)) {
      VectorStats vectors = archive.vectorStats();
      assertEquals(new HashingEmbedderProvider().modelKey(), vectors.state().modelKey());
      assertTrue(vectors.state().modelKey().endsWith("2"));
      assertEquals(0, vectors.waiting());
      assertEquals(ARTICLES, vectors.embedded());
      List<SearchHit> latest = archive.latest(100);
      assertEquals(ARTICLES, latest.size());
    }
  }
}
