package dev.dealarchive.indexing;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.Readers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * Writes the archive's index: syncs it with input files and folders, or stores articles from other origins (feeds,
 * single pages). Callers outside this package get one through {@code dev.dealarchive.IndexFolder}, which also owns
 * the rest of the index folder.
 *
 * <p>An instance holds the index's write lock from {@link #open} until {@link #close}; a second writer gets an
 * {@link IndexBusyException}. Every public write is one transaction ({@link #transaction}): it commits once at its
 * end, and saves the manifest only after that commit; when it fails, everything it did is rolled back, so the index
 * is exactly as before the call (and this indexer is closed). Closing without commit discards uncommitted changes.
 */
public final class ArchiveIndexer implements AutoCloseable {
  private final Path indexDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final ArticleFiles articleFiles;
  private FileManifest manifest;
  private final VectorSteps vectors;

  private ArchiveIndexer(
      Path indexDir, Directory directory, IndexWriter writer, ArticleFiles articleFiles, boolean existedBefore) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    this.articleFiles = articleFiles;
    this.manifest = FileManifest.load(indexDir);
    this.vectors = new VectorSteps(writer, existedBefore);
  }

  /**
   * Opens the index in {@code indexDir} for writing, creating it when absent; an index of the previous schema is
   * rewritten in the current one first ({@link SchemaUpgrade}).
   *
   * @throws IndexBusyException when another writer holds the index
   */
  public static ArchiveIndexer open(Path indexDir) throws IOException {
    return open(indexDir, Readers::forFile);
  }

  /** Opens with a custom choice of readers, for tests and embedders. */
  public static ArchiveIndexer open(Path indexDir, Function<Path, Optional<ArticleReader>> readers)
      throws IOException {
    Files.createDirectories(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    try {
      IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      config.setRAMBufferSizeMB(128);
      config.setCodec(ArticleBlocks.codec());
      boolean existedBefore = DirectoryReader.indexExists(directory);
      IndexWriter writer = new IndexWriter(directory, config);
      try {
        if (existedBefore && SchemaUpgrade.needed(directory)) {
          // Before anything else is written: a commit of this writer records the current schema.
          SchemaUpgrade.upgrade(writer, indexDir);
        }
      } catch (IOException | RuntimeException | Error e) {
        try {
          writer.rollback();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      WriterHolder.record(indexDir);
      return new ArchiveIndexer(indexDir, directory, writer, new ArticleFiles(indexDir, readers), existedBefore);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException(indexDir.toString(), WriterHolder.of(indexDir).orElse(null), e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The index directory. */
  public Path indexDir() {
    return indexDir;
  }

  /**
   * Brings the index in line with the given files and folders and commits.
   *
   * <p>Only new or changed files are read (size and modification time first, content hash to confirm). Articles of
   * files deleted from an indexed folder are removed. A file that cannot be read keeps the articles it had. With
   * {@link IndexOptions#full()}, every input is read again and the index is rebuilt; the old content stays visible
   * to readers until the rebuilt index is committed.
   *
   * @throws IOException when the run fails; the index is then rolled back to its last commit
   */
  public IndexSummary index(List<Path> inputs, IndexOptions options, IndexProgress progress) throws IOException {
    Kind kind = options.full() ? Kind.REBUILD : Kind.SYNC;
    return transaction(kind, options, progress, (store, tally) -> scan(store, tally, options, progress).inputs(inputs));
  }

  /**
   * Syncs only the given paths, as a file watcher reports them, and commits once; no folder is walked. A path that
   * exists is read when new or changed (a folder: every file under it); a path that no longer exists has the articles
   * of that file, or of every file that was under that folder, removed. Deletions are applied first, so a file renamed
   * within one call keeps its articles. Each path must lie under an input that an earlier {@link #index} run was given
   * (a watched folder), whose relative paths name articles without an id; other paths are skipped.
   *
   * @throws IOException when the run fails; the index is then rolled back to its last commit and this indexer is
   *     closed
   */
  public IndexSummary indexChanges(Collection<Path> paths, IndexOptions options, IndexProgress progress)
      throws IOException {
    return transaction(
        Kind.CHANGES, options, progress, (store, tally) -> scan(store, tally, options, progress).changes(paths));
  }

  /**
   * Stores articles of a non-file origin (a feed or a page) and commits. Articles of that origin that are not in
   * {@code drafts} are kept (feeds drop old entries that are still news).
   *
   * @param origin the feed or page url
   * @param drafts the articles; each needs an explicit id or a url
   */
  public IndexSummary indexDrafts(String origin, List<ArticleDraft> drafts) throws IOException {
    IndexOptions options = new IndexOptions(null, 1, false);
    return transaction(
        Kind.SYNC,
        options,
        IndexProgress.NONE,
        (store, tally) -> {
          ArticleStore.Batch batch = store.batch(origin, origin, null);
          try (ArticleSource source = ArticleSource.of(drafts)) {
            for (ReadEvent event = source.next(); event != null; event = source.next()) {
              batch.accept(event);
            }
          }
        });
  }

  /**
   * Re-syncs every input that earlier runs were given, as {@code archive index} without arguments does.
   *
   * @throws IOException as {@link #index}; with no recorded inputs, an {@link IllegalStateException}
   */
  public IndexSummary reindex(IndexOptions options, IndexProgress progress) throws IOException {
    List<Path> inputs = recordedInputs();
    if (inputs.isEmpty()) {
      throw new IllegalStateException("the index at " + indexDir + " records no inputs; name the files or folders to index");
    }
    return index(inputs, options, progress);
  }

  /**
   * Forgets an input and removes its articles, and commits: a file or folder once given to {@link #index} (every
   * article from a file at or under that path goes), or the url of a feed or page (every article that came from it).
   * A later run without inputs no longer re-syncs it. Files themselves are not touched.
   *
   * @param input a path (relative to the working folder, or absolute) or an http(s) url
   * @return the summary: {@code deleted} articles; a skip when nothing was known by that name
   */
  public IndexSummary remove(String input) throws IOException {
    boolean url = input.startsWith("http://") || input.startsWith("https://");
    String key = url ? input : Path.of(input).toAbsolutePath().normalize().toString();
    IndexOptions options = new IndexOptions(null, 1, false);
    return transaction(Kind.SYNC, options, IndexProgress.NONE, (store, tally) -> {
      if (manifest.removeInput(key)) {
        tally.changedManifest = true;
        store.forget(key);
        return;
      }
      for (String recorded : manifest.inputs()) {
        if (!url && Path.of(key).startsWith(recorded)) {
          // Its folder would bring it back on the next run: removing it alone would not last.
          tally.skip(input, 0, "lies inside the indexed folder " + recorded + ", which the next run reads again; "
              + "remove that folder, or move the file out of it");
          return;
        }
      }
      store.forget(key);
      if (tally.deleted == 0) {
        tally.skip(input, 0, "not an input of this index");
      }
    });
  }

  /** The inputs that earlier runs were given. */
  public List<Path> recordedInputs() {
    // An input recorded under a locale whose characters this one cannot express is left out, not fatal.
    return manifest.inputs().stream().map(FileNames::stored).flatMap(Optional::stream).toList();
  }

  /** What a transaction starts from. */
  private enum Kind {
    /** The index as committed, after checking its schema. */
    SYNC,
    /** The index as committed, as a watcher's batch (its start-up sync checked the schema). */
    CHANGES,
    /** Nothing: the index and the manifest start empty and are committed and saved whatever the run found. */
    REBUILD
  }

  /** The work of one transaction, given the store it writes through and the tally it counts in. */
  @FunctionalInterface
  private interface Work {
    void run(ArticleStore store, RunTally tally) throws IOException;
  }

  /**
   * The one transaction skeleton: snapshot for lookups, parallel document writes, one commit at the end (only when the
   * index changed, or always for a rebuild), the manifest saved after the commit; then the vectors' step (embeds the
   * articles that wait and commits once more, see {@link VectorSteps}); any failure rolls back to the last commit.
   */
  private IndexSummary transaction(Kind kind, IndexOptions options, IndexProgress progress, Work work)
      throws IOException {
    long started = System.nanoTime();
    if (kind == Kind.SYNC) {
      SchemaCheck.require(directory, indexDir);
    }
    if (options.vectors() != null) {
      vectors.wanted(options.vectors());
    }
    RunTally tally = new RunTally();
    boolean rebuild = kind == Kind.REBUILD;
    // A rebuild reports the articles it dropped (inputs not given again), counted against the index as it was.
    DirectoryReader before = rebuild ? DirectoryReader.open(writer) : null;
    try {
      if (rebuild) {
        vectors.keepForRebuild();
        writer.deleteAll();
        // A rebuild holds exactly the inputs it is given, and records only those for later re-syncs.
        manifest = FileManifest.empty();
      }
      DirectoryReader snapshot = rebuild ? null : DirectoryReader.open(writer);
      try (DocumentSink sink = new DocumentSink(writer, options.threads())) {
        ArticleStore store =
            new ArticleStore(writer, sink, new IndexLookups(snapshot), manifest, tally, progress);
        work.run(store, tally);
        sink.awaitAll();
        if (before != null) {
          tally.deleted += dropped(before);
        }
      } finally {
        if (snapshot != null) {
          snapshot.close();
        }
        if (before != null) {
          before.close();
        }
      }
      if (tally.changedIndex() || rebuild) {
        commit();
      }
      if (tally.changedManifest || rebuild) {
        manifest.save(indexDir);
      }
      vectors.afterSync(progress);
    } catch (IOException | RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
    return tally.summary(System.nanoTime() - started);
  }

  /** How many live articles of {@code before} the writer's current state no longer holds, by id. */
  private long dropped(DirectoryReader before) throws IOException {
    try (DirectoryReader after = DirectoryReader.open(writer)) {
      IndexSearcher now = new IndexSearcher(after);
      long dropped = 0;
      for (LeafReaderContext leaf : before.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        SortedDocValues ids = ArticleDocValues.ids(leaf.reader());
        for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
          if (live != null && !live.get(doc)) {
            continue;
          }
          BytesRef id = BytesRef.deepCopyOf(ids.lookupOrd(ids.ordValue()));
          if (now.count(new TermQuery(new Term(ArchiveFields.ID, id))) == 0) {
            dropped++;
          }
        }
      }
      return dropped;
    }
  }

  private InputScan scan(ArticleStore store, RunTally tally, IndexOptions options, IndexProgress progress) {
    return new InputScan(articleFiles, manifest, store, tally, options, progress);
  }

  private void commit() throws IOException {
    commit(writer, vectors::annotate);
  }

  /**
   * Commits with the time and schema version, keeping the rest of the last commit's data (the vectors' model and
   * state), after {@code annotate} has had its say.
   */
  static void commit(IndexWriter writer, Consumer<Map<String, String>> annotate) throws IOException {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    annotate.accept(data);
    data.put(ArchiveFields.COMMIT_TIME, Long.toString(System.currentTimeMillis()));
    data.put(ArchiveFields.SCHEMA_KEY, ArchiveFields.SCHEMA_VERSION);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /**
   * Whether syncs embed: {@code true} embeds (and turns vectors on for this index), {@code false} skips embedding
   * in this indexer's runs (a new index is then recorded as keyword-only), {@code null} (the default) follows the
   * index: a new index gets vectors when a model is on the class path, an existing one keeps what it has. {@link
   * IndexOptions#vectors()} of a run overrides it.
   */
  public ArchiveIndexer vectors(Boolean wanted) {
    vectors.wanted(wanted);
    return this;
  }

  /** The model to embed with, instead of the one {@link dev.dealarchive.embed.Embedders#provider()} finds; for tests. */
  public ArchiveIndexer embedWith(EmbedderProvider provider) {
    vectors.provider(provider);
    return this;
  }

  /** Embedding worker threads (default: one per core, each running the model on one thread). */
  public ArchiveIndexer embedThreads(int threads) {
    vectors.threads(threads);
    return this;
  }

  /** What the embedding step of the last run did, or {@code null} when the last run had none. */
  public EmbedSummary lastEmbedding() {
    return vectors.last();
  }

  /**
   * Embeds every article that waits for vectors of the current model, re-embedding all of them after a model change,
   * turns vectors on for this index and commits once: {@code archive embed}.
   *
   * @throws IOException when it fails; the index then keeps its last commit (its articles, and the vectors it had)
   */
  public EmbedSummary embed(IndexProgress progress) throws IOException {
    SchemaCheck.require(directory, indexDir);
    try {
      return vectors.embedAll(progress);
    } catch (IOException | RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
  }

  private void rollbackQuietly(Throwable cause) {
    try {
      writer.rollback();
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      vectors.close();
    } finally {
      try {
        if (writer.isOpen()) {
          writer.close();
        }
      } finally {
        WriterHolder.clear(indexDir);
        directory.close();
      }
    }
  }
}
