package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites an index of the schema before the current one in place. Schema 2 spelled the id, the tag keys and the
 * publication time as separate term, point and doc-values fields; schema 3 writes them as {@code KeywordField} and
 * {@code LongField} ({@link ArticleDocuments}), whose doc-values types differ, and Lucene does not let one index hold a
 * field with two doc-values types. Everything an article needs is stored, so each live article is written again from
 * its stored fields, with its stored passages and their vectors (nothing is read from the inputs, nothing is embedded
 * again), and the result is committed once: until that commit the old index is the index, so a crash or a failure
 * leaves it as it was, readable, and the next writer starts over. Readers read both schemas, so only writers upgrade.
 */
public final class SchemaUpgrade {
  /** Schema versions whose indexes are read as they are and rewritten by the first writer that opens them. */
  static final Set<String> UPGRADABLE = Set.of("2");

  private static final Logger LOG = LoggerFactory.getLogger(SchemaUpgrade.class);

  private SchemaUpgrade() {}

  /** Every schema version this code reads. */
  static Set<String> readable() {
    Set<String> versions = new HashSet<>(UPGRADABLE);
    versions.add(ArchiveFields.SCHEMA_VERSION);
    return versions;
  }

  /** Whether the index in {@code folder} is of a schema that its first writer rewrites (false when there is none). */
  public static boolean needed(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(folder)) {
      return needed(directory);
    }
  }

  static boolean needed(Directory directory) throws IOException {
    String version = SchemaCheck.version(directory);
    return version != null && UPGRADABLE.contains(version);
  }

  /**
   * Rewrites every live article of {@code writer}'s index (its last commit, of an upgradable schema) in the current
   * schema and commits, keeping the commit's other data (the vectors' model and state); returns how many articles were
   * written. On failure nothing is committed; the caller rolls the writer back.
   */
  static long upgrade(IndexWriter writer, Path indexDir) throws IOException {
    // Once per index, and it may take a while (Reuters-21578: about 5 s, 28 s with vectors, whose graph is rebuilt):
    // said on the log's default level, so a command that pauses for it says why.
    LOG.warn("upgrading the index at {} to schema {}: every article is written again from its stored fields, with its"
        + " passages and vectors (once; nothing is re-read or re-embedded)", indexDir, ArchiveFields.SCHEMA_VERSION);
    long started = System.nanoTime();
    long articles;
    try (DirectoryReader old = DirectoryReader.open(writer)) {
      // The reader keeps the old segments while they are replaced (and the last commit keeps them until the next).
      writer.deleteAll();
      articles = copyArticles(old, writer, ArticleDocuments::toDocument);
    }
    ArchiveIndexer.commit(writer, data -> {});
    LOG.warn("upgraded the index at {}: {} articles in {} s", indexDir, articles,
        String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    return articles;
  }

  /**
   * Adds every live article of {@code old} to {@code writer} as {@code documents} makes its document, with its stored
   * passages, their vectors and its embedding mark; returns how many articles were added.
   */
  static long copyArticles(DirectoryReader old, IndexWriter writer, Function<Article, Document> documents)
      throws IOException {
    long articles = 0;
    for (LeafReaderContext leaf : old.leaves()) {
      BitSet parents = ArticleBlocks.parents().getBitSet(leaf);
      if (parents == null) {
        continue;
      }
      LeafReader reader = leaf.reader();
      Bits live = reader.getLiveDocs();
      StoredFields stored = reader.storedFields();
      int maxDoc = reader.maxDoc();
      for (int doc = parents.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = doc + 1 < maxDoc ? parents.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
        if (live == null || live.get(doc)) {
          writer.addDocuments(rewritten(reader, parents, stored, doc, documents));
          articles++;
        }
      }
    }
    return articles;
  }

  /** The article document {@code doc} of a segment with its passages, its document made by {@code documents}. */
  private static List<Document> rewritten(
      LeafReader reader, BitSet parents, StoredFields stored, int doc, Function<Article, Document> documents)
      throws IOException {
    Document old = stored.document(doc);
    Article article = StoredArticles.toArticle(old);
    Document document = documents.apply(article);
    String embeddedWith = old.get(ArchiveFields.EMBEDDED_WITH);
    if (embeddedWith == null) {
      return List.of(document);
    }
    ArticleBlocks.StoredPassages passages = ArticleBlocks.storedPassages(reader, parents, stored, doc);
    if (passages != null) {
      return ArticleBlocks.block(document, article.id(), passages.passages(), passages.vectors(), embeddedWith);
    }
    int first = doc == 0 ? 0 : parents.prevSetBit(doc - 1) + 1;
    // Marked as embedded without passages (a cluster's working copy writes such articles): kept so. With passage
    // documents that cannot be read back whole, the article waits for vectors instead and the next sync embeds it.
    return first < doc
        ? List.of(document)
        : ArticleBlocks.block(document, article.id(), List.of(), List.of(), embeddedWith);
  }
}
