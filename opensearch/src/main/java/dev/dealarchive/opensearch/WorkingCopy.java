package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.article.Article;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.indexing.ArchiveAnalyzers;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.indexing.ArticleDocuments;
import dev.dealarchive.indexing.SchemaUpgrade;
import dev.dealarchive.indexing.StoredArticles;
import dev.dealarchive.indexing.VectorState;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;

/**
 * A writer's working copy of a cluster archive: an embedded index folder in which the archive's own indexer does
 * what it does on one machine (reading inputs, change detection by file and by content hash, duplicate reporting,
 * deletes of removed files, the summary), after which the articles that changed are written to the cluster by id.
 *
 * <p>The folder is marked as the copy of one cluster index ({@value #MARKER}), so an embedded archive is never
 * mistaken for one. While changes are on their way to the cluster, their ids are kept in {@value #PENDING}; a write
 * that failed half-way (a node lost, the cluster too busy) is finished by the next write session before anything
 * else, so a rerun ends with exactly the articles of the inputs. A fresh machine's copy is rebuilt from the cluster
 * (articles and state files) before its first write.
 *
 * <p>Before each write session the copy catches up with the cluster: articles other writers stored since it last
 * looked (by {@link IndexSchema#INDEXED_AT}) are brought in, and articles they deleted are dropped (found when the
 * counts differ), so duplicate reporting and change detection see the whole archive, as on one machine.
 *
 * <p>Passage vectors: the copy embeds as an embedded index does (a copy made from a cluster index that can hold
 * vectors embeds when a model is installed) and each changed article goes to the cluster with its passages and their
 * vectors ({@link ClusterVectors}). Articles brought in from the cluster with passages are marked as embedded with the
 * cluster's model without being embedded again here: the copy only finds changes, and a changed article is embedded
 * anew before it is written.
 */
final class WorkingCopy {
  static final String MARKER = "opensearch-working-copy.json";
  static final String PENDING = "opensearch-pending.json";
  /**
   * How long after the cluster stamps an article it may still be on its way to searches (a long bulk request, a
   * refresh, clocks of two nodes): a copy that caught up at time T looks again from T minus this.
   */
  static final long SETTLE_MILLIS = 120_000;

  private final Path folder;
  private final ClusterClient client;
  private final ObjectMapper json;

  WorkingCopy(Path folder, ClusterClient client) {
    this.folder = folder;
    this.client = client;
    this.json = client.json();
  }

  Path folder() {
    return folder;
  }

  /**
   * Makes the folder ready to write: refuses an embedded archive or another index's copy, rebuilds a missing copy
   * from the cluster, and finishes a write that an earlier session left half-done.
   */
  void prepare(ClusterArticles articles, ClusterState state) throws IOException {
    Files.createDirectories(folder);
    Path marker = folder.resolve(MARKER);
    boolean hasIndex = hasIndex(folder);
    boolean complete = true;
    long syncedUntil = 0;
    if (Files.exists(marker)) {
      JsonNode mark = json.readTree(marker.toFile());
      String index = mark.path("index").asText();
      complete = mark.path("complete").asBoolean(true);
      syncedUntil = mark.path("synced_until").asLong(0);
      if (!index.equals(client.config().index())) {
        throw new IOException(
            folder + " is the working copy of the OpenSearch index \"" + index + "\", not of \""
                + client.config().index() + "\"; give another folder with --index DIR");
      }
    } else if (hasIndex) {
      throw new IOException(
          folder + " holds an embedded archive, not a working copy of the OpenSearch index \""
              + client.config().index() + "\". Give an empty folder with --index DIR (the working copy in which "
              + "changes are found before they go to the cluster), or copy this archive to the cluster with: "
              + "archive migrate --from " + folder + " --to " + client.config().urls().get(0) + " --to-index "
              + client.config().index());
    }
    if (hasIndex && complete && SchemaUpgrade.needed(folder)) {
      // A copy written in the previous schema: the archive's writer rewrites it in place on opening, before this
      // copy's own writer adds articles of the current schema to it.
      ArchiveIndexer.open(folder).close();
    }
    if (!hasIndex || !complete) {
      // Marked first, so a copy whose rebuild was cut short is known as such and rebuilt again.
      mark(marker, false, 0);
      long startedAt = articles.clusterMillis();
      restore(articles, state);
      syncedUntil = startedAt - SETTLE_MILLIS;
      mark(marker, true, syncedUntil);
    }
    finishPending(articles);
    mark(marker, true, catchUp(articles, syncedUntil));
  }

  /**
   * Brings in the articles the cluster stored since {@code sinceMillis} that the copy lacks or holds otherwise, and
   * drops those the cluster no longer has; returns the time to look from next.
   */
  long catchUp(ClusterArticles articles, long sinceMillis) throws IOException {
    long startedAt = articles.clusterMillis();
    Map<String, String> local = hashes();
    // The copy's writer opens on the first change: a copy that is already current (the usual case) is only read.
    try (LazyWriter writer = new LazyWriter(folder)) {
      // Articles the cluster holds with passages of the copy's model count as embedded here; the model is read on the
      // first such article.
      String[] embeddedWith = {null};
      boolean[] modelRead = {false};
      long[] changed = {0};
      articles.forEachSince(sinceMillis, stamped -> {
        Article article = stamped.article();
        if (!article.contentHash().equals(local.get(article.id()))) {
          IndexWriter open = writer.get();
          if (stamped.hasPassages() && !modelRead[0]) {
            embeddedWith[0] = sameModel(VectorState.of(liveData(open)));
            modelRead[0] = true;
          }
          store(open, article, stamped.hasPassages() ? embeddedWith[0] : null);
          local.put(article.id(), article.contentHash());
          changed[0]++;
        }
      });
      if (articles.count() != local.size()) {
        // Another writer deleted articles (or stored some while this copy looked): compare every id.
        Set<String> remote = new HashSet<>();
        articles.idsSince(null, stamped -> remote.add(stamped.id()));
        for (String id : local.keySet()) {
          if (!remote.contains(id)) {
            writer.get().deleteDocuments(ArticleBlocks.deleteTerms(id));
            changed[0]++;
          }
        }
        for (String id : remote) {
          if (!local.containsKey(id)) {
            Optional<Article> article = articles.byId(id);
            if (article.isPresent()) {
              store(writer.get(), article.get(), null);
              changed[0]++;
            }
          }
        }
      }
      if (changed[0] > 0) {
        commit(writer.get());
      }
    }
    return startedAt - SETTLE_MILLIS;
  }

  /** The copy's index writer, opened (taking the copy's write lock) on the first {@link #get()}. */
  private static final class LazyWriter implements Closeable {
    private final Path folder;
    private Directory directory;
    private IndexWriter writer;

    LazyWriter(Path folder) {
      this.folder = folder;
    }

    IndexWriter get() throws IOException {
      if (writer == null) {
        IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        Directory opened = FSDirectory.open(folder);
        try {
          writer = new IndexWriter(opened, config);
        } catch (IOException | RuntimeException e) {
          opened.close();
          throw e;
        }
        directory = opened;
      }
      return writer;
    }

    @Override
    public void close() throws IOException {
      if (writer != null) {
        try (Directory closing = directory) {
          writer.close();
        }
      }
    }
  }

  /**
   * Stores an article from the cluster; {@code embeddedWith} (the model of the passages the cluster holds for it) marks
   * it as not waiting for vectors, or {@code null}.
   */
  private static void store(IndexWriter writer, Article article, String embeddedWith) throws IOException {
    writer.deleteDocuments(ArticleBlocks.deleteTerms(article.id()));
    if (embeddedWith == null) {
      writer.addDocument(ArticleDocuments.toDocument(article));
    } else {
      writer.addDocuments(
          ArticleBlocks.block(ArticleDocuments.toDocument(article), article.id(), List.of(), List.of(), embeddedWith));
    }
  }

  /** The copy's model when it is the cluster index's too (articles with passages there need none here), else null. */
  private String sameModel(VectorState copy) throws IOException {
    ClusterVectors.Model cluster = ClusterVectors.model(client);
    return cluster != null && cluster.key().equals(copy.modelKey()) ? cluster.key() : null;
  }

  /**
   * What a copy made from the cluster records about vectors: the cluster index's model when it holds vectors; on,
   * model still open, when the index can hold them and a model is installed (a new embedded index gets vectors when
   * a model is installed); {@code null}, keyword-only, otherwise.
   */
  private VectorState clusterVectors() throws IOException {
    ClusterVectors.Model model = ClusterVectors.model(client);
    if (model != null) {
      return new VectorState(true, model.key(), model.dimension());
    }
    if (ClusterVectors.indexCanHoldVectors(client) && Embedders.provider().isPresent()) {
      return new VectorState(true, null, 0);
    }
    return null;
  }

  private void mark(Path marker, boolean complete, long syncedUntil) throws IOException {
    ObjectNode mark = json.createObjectNode();
    mark.put("index", client.config().index());
    mark.put("complete", complete);
    mark.put("synced_until", syncedUntil);
    mark.put("note", "Working copy of an OpenSearch archive: changes are found here, then written to the cluster.");
    writeAtomically(marker, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(mark));
  }

  /** Rebuilds the copy from the cluster's articles and state files, replacing whatever index the folder holds. */
  private void restore(ClusterArticles articles, ClusterState state) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    VectorState vectors = clusterVectors();
    String embeddedWith = vectors == null ? null : vectors.modelKey();
    try (Directory directory = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(directory, config)) {
      articles.forEachStamped(stamped -> store(writer, stamped.article(), stamped.hasPassages() ? embeddedWith : null));
      commit(writer, vectors);
    }
    state.download(folder);
  }

  /** Commits with the user data the embedded indexer writes (schema version, commit time), keeping the rest. */
  static void commit(IndexWriter writer) throws IOException {
    commit(writer, null);
  }

  /** Commits as {@link #commit(IndexWriter)}, recording {@code vectors} unless it is null. */
  private static void commit(IndexWriter writer, VectorState vectors) throws IOException {
    Map<String, String> data = liveData(writer);
    data.put(ArchiveFields.COMMIT_TIME, Long.toString(System.currentTimeMillis()));
    data.put(ArchiveFields.SCHEMA_KEY, ArchiveFields.SCHEMA_VERSION);
    writer.setLiveCommitData((vectors == null ? data : vectors.writeTo(data)).entrySet());
    writer.commit();
  }

  private static Map<String, String> liveData(IndexWriter writer) {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    }
    return data;
  }

  static boolean hasIndex(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(folder)) {
      return DirectoryReader.indexExists(directory);
    }
  }

  /** Every article id of the copy's last commit with its content hash. */
  Map<String, String> hashes() throws IOException {
    return read(false);
  }

  /**
   * Every article id of the copy's last commit with what the cluster must hold of it: its content hash and the model
   * of its passages, so an article embedded here after it was written (it waited for vectors) goes out again, now
   * with them.
   */
  Map<String, String> versions() throws IOException {
    return read(true);
  }

  private Map<String, String> read(boolean withModel) throws IOException {
    Map<String, String> hashes = new HashMap<>();
    if (!hasIndex(folder)) {
      return hashes;
    }
    Set<String> fields = Set.of(ArchiveFields.ID, ArchiveFields.HASH, ArchiveFields.EMBEDDED_WITH);
    try (Directory directory = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          Document document = stored.document(doc, fields);
          String id = document.get(ArchiveFields.ID);
          String model = document.get(ArchiveFields.EMBEDDED_WITH);
          if (id != null) {
            hashes.put(id, document.get(ArchiveFields.HASH) + (withModel && model != null ? " " + model : ""));
          }
        }
      }
    }
    return hashes;
  }

  /** The ids a write changed and removed, between two {@link #versions()} of the copy. */
  record Changes(Set<String> changed, Set<String> removed) {
    static Changes between(Map<String, String> before, Map<String, String> after) {
      Set<String> changed = new LinkedHashSet<>();
      after.forEach((id, hash) -> {
        if (!hash.equals(before.get(id))) {
          changed.add(id);
        }
      });
      Set<String> removed = new LinkedHashSet<>(before.keySet());
      removed.removeAll(after.keySet());
      return new Changes(changed, removed);
    }

    boolean isEmpty() {
      return changed.isEmpty() && removed.isEmpty();
    }
  }

  /**
   * Writes {@code changes} to the cluster, after noting them in {@value #PENDING} (merged with any still pending),
   * and removes the note once the cluster has taken them all.
   */
  void push(Changes changes) throws IOException {
    Changes pending = merge(readPending(), changes);
    if (pending.isEmpty()) {
      return;
    }
    writePending(pending);
    send(pending);
    Files.deleteIfExists(folder.resolve(PENDING));
  }

  private void finishPending(ClusterArticles articles) throws IOException {
    Changes pending = readPending();
    if (pending.isEmpty()) {
      return;
    }
    send(pending);
    Files.deleteIfExists(folder.resolve(PENDING));
  }

  private void send(Changes pending) throws IOException {
    Map<String, String> current = hashes();
    try (BulkWriter bulk = new BulkWriter(client)) {
      if (!pending.changed().isEmpty()) {
        FolderArticles.send(folder, article -> pending.changed().contains(article.id()), client, bulk);
      }
      for (String id : pending.removed()) {
        if (!current.containsKey(id)) {
          bulk.delete(id);
        }
      }
    }
    client.call("POST", "/" + client.config().index() + "/_refresh", null);
  }

  private static Changes merge(Changes earlier, Changes later) {
    Set<String> changed = new LinkedHashSet<>(earlier.changed());
    changed.addAll(later.changed());
    Set<String> removed = new LinkedHashSet<>(earlier.removed());
    removed.addAll(later.removed());
    return new Changes(changed, removed);
  }

  private Changes readPending() throws IOException {
    Path file = folder.resolve(PENDING);
    if (!Files.exists(file)) {
      return new Changes(Set.of(), Set.of());
    }
    JsonNode node = json.readTree(file.toFile());
    return new Changes(
        new LinkedHashSet<>(IndexSchema.strings(node.path("changed"))),
        new LinkedHashSet<>(IndexSchema.strings(node.path("removed"))));
  }

  private void writePending(Changes changes) throws IOException {
    ObjectNode node = json.createObjectNode();
    ArrayNode changed = node.putArray("changed");
    changes.changed().forEach(changed::add);
    ArrayNode removed = node.putArray("removed");
    changes.removed().forEach(removed::add);
    writeAtomically(folder.resolve(PENDING), json.writeValueAsBytes(node));
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(partial, bytes);
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** For tests and tools: the articles of the copy. */
  static void forEach(Path folder, StoredArticles.Visitor visitor) throws IOException {
    try (Directory directory = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredArticles.forEach(new IndexSearcher(reader), visitor);
    }
  }
}
