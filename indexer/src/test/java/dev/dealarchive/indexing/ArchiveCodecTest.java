package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.article.Article;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FilterLeafReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archive writes its own codec (stored fields uncompressed) and stored sentences, and still reads older indexes. */
class ArchiveCodecTest {
  private static final String BODY =
      "Microsoft and OpenAI changed their deal on Tuesday.\n\nThe licence is now non-exclusive.\n"
          + "OpenAI will pay Microsoft a revenue share capped at 20% through 2030. Analysts were surprised.";

  @TempDir Path temp;

  @Test
  void newSegmentsAreWrittenWithTheArchiveCodecAndStoredSentences() throws IOException {
    Path index = temp.resolve("index");
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    Files.writeString(inbox.resolve("a.md"), "---\nid: a\ntitle: Deal changed\n---\n" + BODY + "\n", StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
    try (Directory directory = FSDirectory.open(index);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (String codec : codecs(reader)) {
        assertEquals(ArchiveCodec.NAME, codec);
      }
      Document doc = reader.storedFields().document(0);
      assertNotNull(doc.getBinaryValue(ArchiveFields.BODY_SENTENCES));
    }
    assertEquals(ArchiveCodec.class, Codec.forName(ArchiveCodec.NAME).getClass());
  }

  @Test
  void indexesWrittenWithLucenesCodecAndNoStoredSentencesAreSearchedWithTheSameSnippets() throws IOException {
    Path old = temp.resolve("old");
    Path current = temp.resolve("current");
    writeWith(old, Codec.forName("Lucene104"), true);
    writeWith(current, new ArchiveCodec(), false);
    try (Directory directory = FSDirectory.open(old);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of("Lucene104"), codecs(reader));
      assertNull(reader.storedFields().document(0).getBinaryValue(ArchiveFields.BODY_SENTENCES));
    }
    assertSameHits(current, old);
    // The archive writes into the old index: both codecs side by side, both searchable.
    indexSecondArticle(old);
    try (Archive archive = Archive.open(old)) {
      assertEquals(2, archive.search(SearchRequest.of("revenue share", 10)).total());
    }
  }

  @Test
  void storedFieldsAreWrittenUncompressed() throws IOException {
    Path index = temp.resolve("index");
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    // LZ4 would write this repetitive body in a few dozen bytes; stored as it is, it is in a file byte for byte.
    String body = "The revenue share stays capped. ".repeat(60).strip();
    Files.writeString(inbox.resolve("a.md"), "---\nid: a\ntitle: Capped\n---\n" + body + "\n", StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
    byte[] wanted = body.getBytes(StandardCharsets.UTF_8);
    boolean found = false;
    try (var files = Files.list(index)) {
      for (Path file : files.toList()) {
        found |= Files.isRegularFile(file) && contains(Files.readAllBytes(file), wanted);
      }
    }
    assertTrue(found, "the body is stored uncompressed");
  }

  @Test
  void anArticleLongerThanTwoChunksIsStoredInSlicesAndReadBackWhole() throws IOException {
    Path index = temp.resolve("index");
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    StringBuilder body = new StringBuilder();
    for (int i = 0; body.length() < 5 * ArchiveCodec.STORED_CHUNK_BYTES; i++) {
      body.append("Clause ").append(i).append(" of the licence keeps the revenue share capped. ");
    }
    String text = body.toString().strip() + " Zanzibar ends it.";
    Files.writeString(inbox.resolve("long.md"), "---\nid: long\ntitle: Long deal\n---\n" + text + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(inbox.resolve("short.md"), "---\nid: short\ntitle: Short\n---\nA short deal.\n",
        StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
    try (Archive archive = Archive.open(index)) {
      assertEquals(text, archive.withSearcher(searcher -> StoredArticles.byId(searcher, "long")).orElseThrow().body());
      assertEquals("A short deal.",
          archive.withSearcher(searcher -> StoredArticles.byId(searcher, "short")).orElseThrow().body());
      List<SearchHit> hits = archive.search(SearchRequest.of("zanzibar", 10)).hits();
      assertEquals(List.of("long"), hits.stream().map(SearchHit::id).toList());
    }
  }

  @Test
  void segmentsOfTheEarlierArchiveCodecAreReadWrittenBesideAndMergedAway() throws IOException {
    Path earlier = temp.resolve("earlier");
    Path current = temp.resolve("current");
    writeWith(earlier, new ArchiveCodec1(), false);
    writeWith(current, new ArchiveCodec(), false);
    assertEquals(ArchiveCodec1.class, Codec.forName(ArchiveCodec1.NAME).getClass());
    try (Directory directory = FSDirectory.open(earlier);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of(ArchiveCodec1.NAME), codecs(reader));
    }
    assertSameHits(current, earlier);
    indexSecondArticle(earlier);
    try (Directory directory = FSDirectory.open(earlier);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of(ArchiveCodec1.NAME, ArchiveCodec.NAME), codecs(reader).stream().sorted().toList());
    }
    List<SearchHit> bothCodecs = hits(earlier, "revenue share");
    assertEquals(2, bothCodecs.size());
    try (Directory directory = FSDirectory.open(earlier);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()).setCodec(new ArchiveCodec()))) {
      writer.forceMerge(1);
      writer.commit();
    }
    try (Directory directory = FSDirectory.open(earlier);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      assertEquals(List.of(ArchiveCodec.NAME), codecs(reader));
    }
    assertEquals(bothCodecs, hits(earlier, "revenue share"));
  }

  private static void assertSameHits(Path expected, Path actual) throws IOException {
    for (String query : new String[] {"revenue share", "licence", "\"non-exclusive\"", "microsoft tuesday"}) {
      assertEquals(hits(expected, query), hits(actual, query), query);
    }
  }

  /** Indexes a second article, about a revenue share too, into {@code index} as the archive does. */
  private void indexSecondArticle(Path index) throws IOException {
    Path inbox = Files.createDirectories(temp.resolve("inbox"));
    Files.writeString(inbox.resolve("b.md"), "---\nid: b\ntitle: Second\n---\nKestrel takes a revenue share.\n",
        StandardCharsets.UTF_8);
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(inbox), IndexOptions.defaults(), IndexProgress.NONE);
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void writeWith(Path index, Codec codec, boolean withoutSentences) throws IOException {
    Article article = new Article("a", "Deal changed", BODY, Instant.parse("2026-04-28T00:00:00Z"), "Test Wire",
        null, List.of(), List.of(), "test", "hash-a");
    Document doc = ArticleDocuments.toDocument(article);
    if (withoutSentences) {
      doc.removeFields(ArchiveFields.BODY_SENTENCES);
    }
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()).setCodec(codec))) {
      writer.addDocument(doc);
      writer.setLiveCommitData(Map.of(ArchiveFields.SCHEMA_KEY, ArchiveFields.SCHEMA_VERSION).entrySet());
      writer.commit();
    }
  }

  private static List<SearchHit> hits(Path index, String query) throws IOException {
    try (Archive archive = Archive.open(index)) {
      return archive.search(SearchRequest.of(query, 10)).hits();
    }
  }

  private static List<String> codecs(DirectoryReader reader) {
    List<String> names = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      SegmentReader segment = (SegmentReader) FilterLeafReader.unwrap(leaf.reader());
      names.add(segment.getSegmentInfo().info.getCodec().getName());
    }
    return names;
  }
}
