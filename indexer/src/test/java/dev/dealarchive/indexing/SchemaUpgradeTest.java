package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.article.Article;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.embed.Passage;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes of schema 2 (id, tag keys and publication time as separate term, point and doc-values fields) are read as
 * they are, and the first writer rewrites them in the current schema in one commit, keeping every article, its
 * passages and their vectors.
 */
class SchemaUpgradeTest {
  private static final String MODEL = "test-model @ 1";
  private static final List<String> QUERIES =
      List.of("deal", "revenue share", "\"cloud provider\"", "licence -exclusive", "tag:cloud deal", "source:Wire",
          "stake after:2026-01-01", "microsoft openai");

  @TempDir Path temp;

  @Test
  void aSchema2IndexSearchesSortsAndCountsAsTheSameArticlesInTheCurrentSchema() throws IOException {
    Path old = temp.resolve("schema2");
    Path current = temp.resolve("schema3");
    writeSchema2(old, articles());
    writeCurrent(current, articles());
    try (Archive before = Archive.open(old);
        Archive now = Archive.open(current)) {
      for (String query : QUERIES) {
        for (SortOrder order : SortOrder.values()) {
          SearchRequest request = new SearchRequest(query, 10, 0, order);
          assertEquals(view(now.search(request)), view(before.search(request)), query + " " + order);
        }
        assertEquals(now.facets(query, 10), before.facets(query, 10), query);
      }
      assertEquals(now.stats().articles(), before.stats().articles());
      assertEquals(now.stats().oldest(), before.stats().oldest());
      assertEquals(now.stats().newest(), before.stats().newest());
    }
  }

  @Test
  void theFirstWriterRewritesTheIndexKeepingArticlesPassagesVectorsAndCommitData() throws IOException {
    Path index = temp.resolve("index");
    writeSchema2(index, articles());
    Map<String, List<String>> resultsBefore = results(index);
    Map<String, Article> articlesBefore = storedArticles(index);
    Map<String, float[]> vectorsBefore = passageVectors(index);
    assertEquals(2, vectorsBefore.size(), "the fixture's passages");
    assertTrue(SchemaUpgrade.needed(index));

    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      assertFalse(SchemaUpgrade.needed(index), "upgraded and committed on opening");
      Map<String, String> data = commitData(index);
      assertEquals(ArchiveFields.SCHEMA_VERSION, data.get(ArchiveFields.SCHEMA_KEY));
      assertEquals(MODEL, data.get(ArchiveFields.EMBEDDING_MODEL_KEY), "the vectors' model is kept");
      assertEquals("on", data.get(ArchiveFields.VECTORS_KEY));
      assertEquals(articlesBefore, storedArticles(index));
      Map<String, float[]> vectorsAfter = passageVectors(index);
      assertEquals(vectorsBefore.keySet(), vectorsAfter.keySet());
      vectorsBefore.forEach((key, vector) -> assertArrayEquals(vector, vectorsAfter.get(key), 1e-6f, key));
      assertEquals(resultsBefore, results(index), "every search finds what it found before");
      assertEquals(DocValuesType.SORTED_SET, docValuesType(index, ArchiveFields.ID));
      assertEquals(DocValuesType.SORTED_NUMERIC, docValuesType(index, ArchiveFields.PUBLISHED));

      // Written into in the new schema like any index of it.
      indexer.vectors(false).indexDrafts(
          "https://example.com/feed",
          List.of(new ArticleDraft("late", "Northwind sells a stake", "Northwind Robotics sells a 10% stake.",
              Instant.parse("2026-06-01T00:00:00Z"), "Test Wire", "https://example.com/late", List.of(),
              List.of("robots"), 0)));
    }
    try (Archive archive = Archive.open(index)) {
      assertEquals(List.of("late"), ids(archive.search(SearchRequest.of("northwind stake", 10))));
      assertEquals(articlesBefore.size() + 1, archive.stats().articles());
    }
  }

  @Test
  void anIndexOfAnOlderSchemaIsRefusedWithTheCommandThatRebuildsIt() throws IOException {
    Path index = temp.resolve("schema1");
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()))) {
      writer.addDocument(Schema2Index.document(articles().get(0)));
      writer.setLiveCommitData(Map.of(ArchiveFields.COMMIT_TIME, "1").entrySet());
      writer.commit();
    }
    IOException refused = assertThrows(IOException.class, () -> Archive.open(index).close());
    assertTrue(refused.getMessage().contains("schema 1, this version reads 2 and 3"), refused.getMessage());
    assertTrue(refused.getMessage().contains("archive index --full --index " + index), refused.getMessage());
    assertFalse(SchemaUpgrade.needed(index));
  }

  private static List<Article> articles() {
    List<Article> articles = new ArrayList<>();
    articles.add(new Article("ms-openai", "Microsoft and OpenAI rework their deal",
        "Microsoft and OpenAI changed their deal. The licence is now non-exclusive. OpenAI will pay Microsoft a "
            + "revenue share capped at 20% through 2030. Microsoft remains OpenAI's primary cloud partner.",
        Instant.parse("2026-04-28T00:00:00Z"), "Test Wire", "https://example.com/ms", List.of("A. Writer"),
        List.of("Cloud", "AI"), "data/ms.md", "hash-ms"));
    articles.add(new Article("kestrel-aws", "Kestrel Bio picks AWS",
        "Kestrel Bio signed a three-year cloud agreement that makes AWS its exclusive cloud provider. "
            + "The deal covers computing and storage.",
        Instant.parse("2025-03-01T00:00:00Z"), "Deal Desk", null, List.of(), List.of("cloud"), "data/kestrel.md",
        "hash-kestrel"));
    articles.add(new Article("orison-stake", "Orison buys a stake in Quarry",
        "Orison Semiconductors bought a 15% stake in Quarry Mobility. The deal values Quarry at 2 billion dollars.",
        Instant.parse("2026-02-10T00:00:00Z"), "Sample Wire", "https://example.com/orison", List.of(),
        List.of("chips"), "data/orison.md", "hash-orison"));
    articles.add(new Article("undated", "A licence deal without a date",
        "Northwind licensed its software to Helios Grid. The licence is non-exclusive.", null, "Test Wire", null,
        List.of(), List.of(), "data/undated.md", "hash-undated"));
    return articles;
  }

  /** A schema-2 index of {@code articles}: the first with two passages and their vectors, the rest waiting for none. */
  private static void writeSchema2(Path index, List<Article> articles) throws IOException {
    write(index, articles, Schema2Index.VERSION, Schema2Index::document);
  }

  private static void writeCurrent(Path index, List<Article> articles) throws IOException {
    write(index, articles, ArchiveFields.SCHEMA_VERSION, ArticleDocuments::toDocument);
  }

  private static void write(Path index, List<Article> articles, String schema,
      Function<Article, Document> documents) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()).setCodec(ArticleBlocks.codec()))) {
      Article first = articles.get(0);
      int split = first.body().indexOf(" OpenAI will");
      List<Passage> passages =
          List.of(new Passage(0, 0, split, first.body().substring(0, split)),
              new Passage(1, split + 1, first.body().length(), first.body().substring(split + 1)));
      writer.addDocuments(ArticleBlocks.block(documents.apply(first), first.id(), passages,
          List.of(unit(1, 2, 3, 4), unit(4, 3, 2, 1)), MODEL));
      for (Article article : articles.subList(1, articles.size())) {
        writer.addDocument(documents.apply(article));
      }
      Map<String, String> data = new HashMap<>();
      data.put(ArchiveFields.SCHEMA_KEY, schema);
      data.put(ArchiveFields.EMBEDDING_MODEL_KEY, MODEL);
      data.put(ArchiveFields.EMBEDDING_DIMENSION_KEY, "4");
      data.put(ArchiveFields.VECTORS_KEY, "on");
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
  }

  private static float[] unit(float... values) {
    double norm = 0;
    for (float value : values) {
      norm += value * value;
    }
    float[] unit = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      unit[i] = (float) (values[i] / Math.sqrt(norm));
    }
    return unit;
  }

  /** What each of the queries finds in either order: ids, scores, snippets, totals. */
  private static Map<String, List<String>> results(Path index) throws IOException {
    Map<String, List<String>> results = new TreeMap<>();
    try (Archive archive = Archive.open(index)) {
      for (String query : QUERIES) {
        for (SortOrder order : SortOrder.values()) {
          results.put(query + " " + order, view(archive.search(new SearchRequest(query, 10, 0, order))));
        }
      }
    }
    return results;
  }

  private static List<String> view(SearchResult result) {
    List<String> lines = new ArrayList<>();
    lines.add("total " + result.total());
    result.hits().forEach(hit -> lines.add(String.format(Locale.ROOT, "%s %.6f %s", hit.id(), hit.score(), hit)));
    return lines;
  }

  private static List<String> ids(SearchResult result) {
    return result.hits().stream().map(hit -> hit.id()).toList();
  }

  private static Map<String, Article> storedArticles(Path index) throws IOException {
    Map<String, Article> articles = new TreeMap<>();
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredArticles.forEach(new IndexSearcher(reader), article -> articles.put(article.id(), article));
    }
    return articles;
  }

  /** Each stored passage's vector, by article id and passage ordinal and text. */
  private static Map<String, float[]> passageVectors(Path index) throws IOException {
    Map<String, float[]> vectors = new TreeMap<>();
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        BitSet parents = ArticleBlocks.parents().getBitSet(leaf);
        if (parents == null) {
          continue;
        }
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (!parents.get(doc) || (leaf.reader().getLiveDocs() != null && !leaf.reader().getLiveDocs().get(doc))) {
            continue;
          }
          String id = leaf.reader().storedFields().document(doc).get(ArchiveFields.ID);
          ArticleBlocks.StoredPassages stored =
              ArticleBlocks.storedPassages(leaf.reader(), parents, leaf.reader().storedFields(), doc);
          if (stored != null) {
            for (int i = 0; i < stored.passages().size(); i++) {
              Passage passage = stored.passages().get(i);
              vectors.put(id + "#" + passage.ordinal() + " " + passage.start() + "-" + passage.end() + " "
                  + passage.text(), stored.vectors().get(i));
            }
          }
        }
      }
    }
    return vectors;
  }

  private static Map<String, String> commitData(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      return SegmentInfos.readLatestCommit(directory).getUserData();
    }
  }

  private static DocValuesType docValuesType(Path index, String field) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.leaves().get(0).reader().getFieldInfos().fieldInfo(field).getDocValuesType();
    }
  }
}
