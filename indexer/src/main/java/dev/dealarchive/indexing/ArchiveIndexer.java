package dev.dealarchive.indexing;

import dev.dealarchive.answer.Synonyms;
import dev.dealarchive.article.Article;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.article.ContentHash;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.InputProblem;
import dev.dealarchive.read.ReadListener;
import dev.dealarchive.read.Readers;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * Writes the archive's index: syncs it with input files and folders, or adds articles from other origins (feeds,
 * single pages).
 *
 * <p>An instance holds the index's write lock from {@link #open} until {@link #close}; a second writer gets an
 * {@link IndexBusyException}. Each {@link #index} run commits once at its end; when it fails, everything it did is
 * rolled back, so the index is exactly as before the run. Closing without commit discards uncommitted changes.
 */
public final class ArchiveIndexer implements AutoCloseable {
  private static final int MAX_REPORTED = 10_000;
  private static final int MAX_ID_CHARS = 2_000;

  private final Path indexDir;
  private final Directory directory;
  private final IndexWriter writer;
  private final Function<Path, Optional<ArticleReader>> readers;
  private FileManifest manifest;
  private final VectorSteps vectors;

  private ArchiveIndexer(
      Path indexDir,
      Directory directory,
      IndexWriter writer,
      Function<Path, Optional<ArticleReader>> readers,
      boolean existedBefore) {
    this.indexDir = indexDir;
    this.directory = directory;
    this.writer = writer;
    this.readers = readers;
    this.manifest = FileManifest.load(indexDir);
    this.vectors = new VectorSteps(writer, existedBefore);
  }

  /**
   * Opens the index in {@code indexDir} for writing, creating it when absent.
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
    seedSynonyms(indexDir);
    Directory directory = FSDirectory.open(indexDir);
    try {
      IndexWriterConfig config = new IndexWriterConfig(ArchiveAnalyzers.forIndex());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      config.setCommitOnClose(false);
      config.setRAMBufferSizeMB(128);
      config.setCodec(ArticleBlocks.codec());
      boolean existedBefore = DirectoryReader.indexExists(directory);
      IndexWriter writer = new IndexWriter(directory, config);
      return new ArchiveIndexer(indexDir, directory, writer, readers, existedBefore);
    } catch (LockObtainFailedException e) {
      directory.close();
      throw new IndexBusyException(indexDir.toString(), e);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** Puts an editable copy of the shipped synonyms beside a new index. */
  private static void seedSynonyms(Path indexDir) throws IOException {
    Path synonyms = indexDir.resolve(Synonyms.FILE_NAME);
    if (!Files.exists(synonyms)) {
      Files.writeString(synonyms, Synonyms.defaultText(), StandardCharsets.UTF_8);
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
    long started = System.nanoTime();
    if (!options.full()) {
      requireCurrentSchema();
    }
    if (options.vectors() != null) {
      vectors.wanted(options.vectors());
    }
    Run run = new Run(options, progress);
    try {
      if (options.full()) {
        writer.deleteAll();
        // A rebuild holds exactly the inputs it is given, and records only those for later re-syncs.
        manifest = FileManifest.empty();
      }
      run.snapshot = options.full() ? null : DirectoryReader.open(writer);
      try (DocumentSink sink = new DocumentSink(writer, options.threads())) {
        run.sink = sink;
        // Deletions first: a file renamed since the last run then finds its old copy gone, not a duplicate.
        for (Path input : inputs) {
          if (Files.isDirectory(input)) {
            run.walkedFolders.add(input.toAbsolutePath().normalize().toString());
          }
        }
        run.deleteVanishedFiles();
        for (Path input : inputs) {
          run.input(input);
        }
        sink.awaitAll();
      } finally {
        if (run.snapshot != null) {
          run.snapshot.close();
        }
      }
      if (run.changedIndex() || options.full()) {
        commit();
      }
      if (run.changedManifest || options.full()) {
        manifest.save(indexDir);
      }
      vectors.afterSync(progress);
    } catch (IOException | RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
    return run.summary(System.nanoTime() - started);
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
    long started = System.nanoTime();
    if (options.vectors() != null) {
      vectors.wanted(options.vectors());
    }
    Run run = new Run(options, progress);
    try {
      run.snapshot = DirectoryReader.open(writer);
      try (DocumentSink sink = new DocumentSink(writer, options.threads())) {
        run.sink = sink;
        List<Path> present = new ArrayList<>();
        for (Path path : paths) {
          Path absolute = path.toAbsolutePath().normalize();
          if (Files.exists(absolute)) {
            present.add(absolute);
          } else {
            run.forget(absolute.toString());
          }
        }
        Collections.sort(present);
        for (Path path : present) {
          run.changed(path);
        }
        sink.awaitAll();
      } finally {
        run.snapshot.close();
      }
      if (run.changedIndex()) {
        commit();
      }
      if (run.changedManifest) {
        manifest.save(indexDir);
      }
      vectors.afterSync(progress);
    } catch (IOException | RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
    return run.summary(System.nanoTime() - started);
  }

  /**
   * Stores articles of a non-file origin (a feed or a page) and commits. Articles of that origin that are not in
   * {@code drafts} are kept (feeds drop old entries that are still news).
   *
   * @param origin the feed or page url
   * @param drafts the articles; each needs an explicit id or a url
   */
  public IndexSummary indexDrafts(String origin, List<ArticleDraft> drafts) throws IOException {
    long started = System.nanoTime();
    requireCurrentSchema();
    Run run = new Run(IndexOptions.defaults(), IndexProgress.NONE);
    try {
      run.snapshot = DirectoryReader.open(writer);
      try (DocumentSink sink = new DocumentSink(writer, 1)) {
        run.sink = sink;
        Run.FileRun fileRun = run.new FileRun(origin, origin, null);
        for (ArticleDraft draft : drafts) {
          fileRun.article(draft);
        }
        sink.awaitAll();
      } finally {
        run.snapshot.close();
      }
      if (run.changedIndex()) {
        commit();
      }
      vectors.afterSync(IndexProgress.NONE);
    } catch (IOException | RuntimeException | Error e) {
      rollbackQuietly(e);
      throw e;
    }
    return run.summary(System.nanoTime() - started);
  }

  private void requireCurrentSchema() throws IOException {
    SchemaCheck.require(directory, indexDir);
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

  /** The inputs that earlier runs were given. */
  public List<Path> recordedInputs() {
    return manifest.inputs().stream().map(Path::of).toList();
  }

  private void commit() throws IOException {
    commit(writer, vectors::annotate);
  }

  /**
   * Commits with the time and schema version, keeping the rest of the last commit's data (the vectors' model and
   * state).
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
   * index: a new index gets vectors when a model is on the class path, an existing one keeps what it has.
   */
  public ArchiveIndexer vectors(Boolean wanted) {
    vectors.wanted(wanted);
    return this;
  }

  /** The model to embed with, instead of the one {@link dev.dealarchive.embed.Embedders#provider()} finds; for tests. */
  public ArchiveIndexer embedWith(dev.dealarchive.embed.EmbedderProvider provider) {
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
    requireCurrentSchema();
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
        directory.close();
      }
    }
  }

  /** The state of one indexing run. Methods run on the caller's thread; only document writes are parallel. */
  private final class Run {
    final IndexOptions options;
    final IndexProgress progress;
    DirectoryReader snapshot;
    /** Searcher over {@link #snapshot}, made once: lookups run for every article read. */
    private IndexSearcher lookup;
    DocumentSink sink;
    long added;
    long updated;
    long deleted;
    long unchanged;
    boolean changedManifest;
    final List<Skip> duplicateReports = new ArrayList<>();
    long duplicates;
    final List<Skip> skipped = new ArrayList<>();
    long skippedCount;
    final List<Skip> warnings = new ArrayList<>();
    final Map<String, String> storiesThisRun = new HashMap<>();
    final Map<String, String> urlsThisRun = new HashMap<>();
    /** Id → the file that stored it in this run, so a second file claiming the same id is caught. */
    final Map<String, String> idsThisRun = new HashMap<>();
    final Set<String> walkedFolders = new LinkedHashSet<>();
    final Set<String> seenFiles = new HashSet<>();
    /** Ids deleted in this run, which a renamed file may store again without being taken for a duplicate. */
    final Set<String> deletedThisRun = new HashSet<>();
    /** Articles of this run held back as duplicates of a stored article, by that article's id. */
    final Map<String, Held> heldAsDuplicateOf = new HashMap<>();

    Run(IndexOptions options, IndexProgress progress) {
      this.options = options;
      this.progress = progress;
    }

    boolean changedIndex() {
      return added + updated + deleted > 0;
    }

    IndexSummary summary(long tookNanos) {
      return new IndexSummary(
          added, updated, deleted, unchanged, duplicates, duplicateReports, skipped, warnings, tookNanos);
    }

    void skip(String file, int line, String reason) {
      skippedCount++;
      if (skipped.size() < MAX_REPORTED) {
        skipped.add(new Skip(file, line, reason));
      }
    }

    void input(Path input) throws IOException {
      if (!Files.exists(input)) {
        skip(input.toString(), 0, "no such file or folder");
        return;
      }
      Path absolute = input.toAbsolutePath().normalize();
      if (!manifest.inputs().contains(absolute.toString())) {
        manifest.addInput(absolute.toString());
        changedManifest = true;
      }
      if (Files.isDirectory(absolute)) {
        walkedFolders.add(absolute.toString());
        for (Path file : filesUnder(absolute)) {
          file(file, absolute, input.resolve(absolute.relativize(file)).toString());
        }
      } else {
        Path root = absolute.getParent();
        if (readers.apply(absolute).isEmpty()) {
          skip(input.toString(), 0, "unsupported format (known: " + String.join(", ", Readers.extensions()) + ")");
          return;
        }
        file(absolute, root, input.toString());
      }
    }

    List<Path> filesUnder(Path folder) throws IOException {
      List<Path> files = new ArrayList<>();
      Path index = indexDir.toAbsolutePath().normalize();
      Files.walkFileTree(
          folder,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              boolean hidden = !dir.equals(folder) && dir.getFileName().toString().startsWith(".");
              return hidden || dir.equals(index) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              // A folder's README describes the folder; it is not an article.
              boolean readme = name.toLowerCase(Locale.ROOT).startsWith("readme.");
              if (attrs.isRegularFile() && !name.startsWith(".") && !readme && readers.apply(file).isPresent()) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              skip(file.toString(), 0, "cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
      Collections.sort(files);
      return files;
    }

    void file(Path file, Path root, String shownName) throws IOException {
      String key = file.toString();
      if (!seenFiles.add(key)) {
        return;
      }
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      long size = attributes.size();
      long modified = attributes.lastModifiedTime().toMillis();
      FileManifest.Entry known = manifest.get(key);
      if (known != null && known.size() == size && known.modifiedMillis() == modified) {
        unchanged += known.articles();
        return;
      }
      progress.fileStarted(file, size);
      String hash;
      try {
        hash = hashOf(file);
      } catch (IOException e) {
        skip(shownName, 0, "cannot read: " + e.getMessage());
        return;
      }
      if (known != null && known.hash().equals(hash)) {
        unchanged += known.articles();
        manifest.put(key, new FileManifest.Entry(size, modified, hash, known.articles()));
        changedManifest = true;
        progress.fileFinished(file, size);
        return;
      }
      ArticleReader reader = readers.apply(file).orElseThrow();
      FileRun fileRun = new FileRun(key, shownName, root.relativize(file));
      try {
        reader.read(file, options.read(), fileRun);
      } catch (IndexWriteFailure failure) {
        throw failure.getCause();
      } catch (InputProblem problem) {
        skip(shownName, problem.line(), problem.reason());
        progress.fileFinished(file, size);
        return;
      } catch (IOException | UncheckedIOException e) {
        skip(shownName, 0, "cannot read: " + e.getMessage());
        progress.fileFinished(file, size);
        return;
      } catch (RuntimeException e) {
        // A reader bug on odd input must not stop the run; the file keeps the articles it had.
        skip(shownName, 0, "could not be read as " + reader.format() + ": " + e);
        progress.fileFinished(file, size);
        return;
      }
      if (!fileRun.hadErrors) {
        fileRun.deleteArticlesNoLongerInFile();
        manifest.put(key, new FileManifest.Entry(size, modified, hash, fileRun.stored));
        changedManifest = true;
      }
      progress.fileFinished(file, size);
    }

    /** Removes the articles of files that were indexed from a walked folder and are gone now. */
    void deleteVanishedFiles() throws IOException {
      for (String folder : walkedFolders) {
        for (String path : knownFilesUnder(folder)) {
          if (!seenFiles.contains(path) && !Files.exists(Path.of(path))) {
            deleteFileArticles(path);
          }
        }
      }
    }

    /** Removes the articles of a vanished file, or of every known file under a vanished folder. */
    void forget(String path) throws IOException {
      deleteFileArticles(path);
      for (String under : knownFilesUnder(path)) {
        deleteFileArticles(under);
      }
    }

    /**
     * Files under a folder that the manifest lists or that articles in the index come from. The index is asked too
     * because a crash between a commit and the manifest save leaves committed files out of the manifest; were one of
     * them deleted before the next complete run, its articles would otherwise stay forever.
     */
    Set<String> knownFilesUnder(String folder) throws IOException {
      Set<String> files = new TreeSet<>(manifest.pathsUnder(folder));
      if (snapshot == null) {
        return files;
      }
      BytesRef prefix = new BytesRef(folder.endsWith(File.separator) ? folder : folder + File.separator);
      for (LeafReaderContext leaf : snapshot.leaves()) {
        Terms terms = leaf.reader().terms(ArchiveFields.ORIGIN);
        if (terms == null) {
          continue;
        }
        TermsEnum origins = terms.iterator();
        if (origins.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
          continue;
        }
        do {
          if (!StringHelper.startsWith(origins.term(), prefix)) {
            break;
          }
          files.add(origins.term().utf8ToString());
        } while (origins.next() != null);
      }
      return files;
    }

    private void deleteFileArticles(String path) throws IOException {
      Collection<String> ids = idsWithOrigin(path);
      if (ids.isEmpty() && manifest.get(path) == null) {
        return;
      }
      for (String id : ids) {
        if (!idsThisRun.containsKey(id)) {
          deleteId(id);
        }
      }
      manifest.remove(path);
      changedManifest = true;
    }

    /**
     * Deletes a stored article. An article of this run that was held back as a duplicate of it is stored after
     * all: the story moved (to another file, or under another id), and must not vanish with its old copy.
     */
    void deleteId(String id) throws IOException {
      writer.deleteDocuments(ArticleBlocks.deleteTerms(id));
      deletedThisRun.add(id);
      deleted++;
      Held held = heldAsDuplicateOf.remove(id);
      if (held != null) {
        held.fileRun().storeAfterAll(held.article(), held.line(), held.report());
      }
    }

    /** Reads a changed file, or every file under a changed folder, found under a recorded input. */
    void changed(Path path) throws IOException {
      Path root = null;
      for (String input : manifest.inputs()) {
        Path candidate = Path.of(input);
        if (path.startsWith(candidate) && (root == null || candidate.getNameCount() > root.getNameCount())) {
          root = candidate;
        }
      }
      if (root == null) {
        skip(path.toString(), 0, "not under an indexed folder");
        return;
      }
      Path folder = Files.isDirectory(root) ? root : root.getParent();
      if (Files.isDirectory(path)) {
        for (Path file : filesUnder(path)) {
          if (isArticleFile(folder, file)) {
            file(file, folder, file.toString());
          }
        }
        for (String known : manifest.pathsUnder(path.toString())) {
          if (!Files.exists(Path.of(known))) {
            deleteFileArticles(known);
          }
        }
      } else if (isArticleFile(folder, path)) {
        file(path, folder, path.toString());
      }
    }

    /** True for a regular file a reader exists for, not hidden, not a README, not inside a hidden folder or the index. */
    private boolean isArticleFile(Path folder, Path file) {
      if (file.startsWith(indexDir.toAbsolutePath().normalize()) || !Files.isRegularFile(file)) {
        return false;
      }
      for (Path part : folder.relativize(file)) {
        if (part.toString().startsWith(".")) {
          return false;
        }
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      return !name.startsWith("readme.") && readers.apply(file).isPresent();
    }

    Collection<String> idsWithOrigin(String origin) throws IOException {
      if (snapshot == null) {
        return List.of();
      }
      IndexSearcher searcher = lookup();
      TermQuery query = new TermQuery(new Term(ArchiveFields.ORIGIN, origin));
      int count = searcher.count(query);
      if (count == 0) {
        return List.of();
      }
      TopDocs top = searcher.search(query, count);
      List<String> ids = new ArrayList<>(count);
      var storedFields = searcher.storedFields();
      for (ScoreDoc hit : top.scoreDocs) {
        ids.add(storedFields.document(hit.doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID));
      }
      return ids;
    }

    IndexSearcher lookup() {
      if (lookup == null) {
        lookup = new IndexSearcher(snapshot);
        // Lookups are by unique terms, never repeated: caching them would only cost memory.
        lookup.setQueryCache(null);
      }
      return lookup;
    }

    /** The stored article with this id in the index as it was when the run started, or null. */
    Document storedById(String id) throws IOException {
      return firstDocument(new Term(ArchiveFields.ID, id), Set.of(ArchiveFields.ID, ArchiveFields.HASH, ArchiveFields.ORIGIN));
    }

    Document firstDocument(Term term, Set<String> fields) throws IOException {
      if (snapshot == null) {
        return null;
      }
      IndexSearcher searcher = lookup();
      TopDocs top = searcher.search(new TermQuery(term), 1);
      if (top.scoreDocs.length == 0) {
        return null;
      }
      return searcher.storedFields().document(top.scoreDocs[0].doc, fields);
    }

    /** Reads one file (or one batch of drafts) and decides, article by article, what to write. */
    final class FileRun implements ReadListener {
      final String origin;
      final String shownName;
      final Path relativePath;
      final Map<String, Integer> idsInFile = new HashMap<>();
      boolean hadErrors;
      long stored;

      FileRun(String origin, String shownName, Path relativePath) {
        this.origin = origin;
        this.shownName = shownName;
        this.relativePath = relativePath;
      }

      @Override
      public void article(ArticleDraft draft) {
        progress.articleRead();
        if (draft.isEmpty()) {
          skip(shownName, draft.line(), "article has neither title nor body");
          return;
        }
        String id = idFor(draft);
        if (id == null) {
          skip(shownName, draft.line(), "article has no id and no url");
          return;
        }
        if (id.length() > MAX_ID_CHARS) {
          skip(shownName, draft.line(), "id is longer than " + MAX_ID_CHARS + " characters");
          return;
        }
        Integer firstLine = idsInFile.putIfAbsent(id, draft.line());
        if (firstLine != null) {
          duplicate(draft.line(), "repeats id " + id + (firstLine > 0 ? " of line " + firstLine : ""));
          return;
        }
        try {
          store(Article.of(id, draft, origin), draft.line());
        } catch (IOException e) {
          throw new IndexWriteFailure(e);
        }
      }

      private void store(Article article, int line) throws IOException {
        String id = article.id();
        String story = ContentHash.sameStoryKey(article.title(), article.body());
        String sameStory = storiesThisRun.get(story);
        boolean storedBefore = false;
        if (sameStory == null) {
          Document other = firstDocument(new Term(ArchiveFields.STORY, story), Set.of(ArchiveFields.ID));
          sameStory = other == null ? null : other.get(ArchiveFields.ID);
          storedBefore = sameStory != null;
        }
        if (sameStory != null && !sameStory.equals(id) && !deletedThisRun.contains(sameStory)) {
          hold(article, line, sameStory, storedBefore, "same title and body as " + sameStory);
          return;
        }
        if (article.url() != null) {
          String sameUrl = urlsThisRun.get(article.url());
          storedBefore = false;
          if (sameUrl == null) {
            Document other = firstDocument(new Term(ArchiveFields.URL, article.url()), Set.of(ArchiveFields.ID));
            sameUrl = other == null ? null : other.get(ArchiveFields.ID);
            storedBefore = sameUrl != null;
          }
          if (sameUrl != null && !sameUrl.equals(id) && !deletedThisRun.contains(sameUrl)) {
            hold(article, line, sameUrl, storedBefore, "same url as " + sameUrl);
            return;
          }
          urlsThisRun.put(article.url(), id);
        }
        String owner = idsThisRun.putIfAbsent(id, shownName);
        if (owner != null) {
          duplicate(line, "id " + id + " is already used by " + owner);
          return;
        }
        storiesThisRun.put(story, id);
        stored++;
        Document existing = storedById(id);
        if (existing != null
            && article.contentHash().equals(existing.get(ArchiveFields.HASH))
            && origin.equals(existing.get(ArchiveFields.ORIGIN))) {
          unchanged++;
          return;
        }
        if (existing == null) {
          added++;
          sink.add(ArticleDocuments.toDocument(article, story));
        } else {
          updated++;
          sink.update(id, ArticleDocuments.toDocument(article, story));
        }
      }

      private Skip duplicate(int line, String reason) {
        duplicates++;
        Skip report = new Skip(shownName, line, reason);
        if (duplicateReports.size() < MAX_REPORTED) {
          duplicateReports.add(report);
        }
        return report;
      }

      /**
       * Reports a duplicate; when it repeats an article stored before this run, keeps it aside in case this run
       * deletes that article (see {@link Run#deleteId}).
       */
      private void hold(Article article, int line, String originalId, boolean storedBefore, String reason) {
        Skip report = duplicate(line, reason);
        if (storedBefore) {
          heldAsDuplicateOf.putIfAbsent(originalId, new Held(this, article, line, report));
        }
      }

      /** Stores an article that was held back as a duplicate of one this run has since deleted. */
      void storeAfterAll(Article article, int line, Skip report) throws IOException {
        duplicates--;
        duplicateReports.remove(report);
        long before = stored;
        store(article, line);
        FileManifest.Entry entry = manifest.get(origin);
        if (entry != null && stored > before) {
          manifest.put(
              origin, new FileManifest.Entry(entry.size(), entry.modifiedMillis(), entry.hash(), entry.articles() + 1));
        }
      }

      private String idFor(ArticleDraft draft) {
        if (draft.explicitId() != null) {
          return draft.explicitId();
        }
        if (draft.url() != null) {
          return draft.url();
        }
        if (relativePath == null) {
          return null;
        }
        String path = relativePath.toString().replace('\\', '/');
        return draft.line() > 0 ? path + "#" + draft.line() : path;
      }

      @Override
      public void skipped(int line, String reason) {
        hadErrors = true;
        skip(shownName, line, reason);
      }

      @Override
      public void warning(int line, String message) {
        if (warnings.size() < MAX_REPORTED) {
          warnings.add(new Skip(shownName, line, message));
        }
      }

      /** Deletes articles this file held before and no longer holds. */
      void deleteArticlesNoLongerInFile() throws IOException {
        for (String id : idsWithOrigin(origin)) {
          if (!idsThisRun.containsKey(id)) {
            deleteId(id);
          }
        }
      }
    }
  }

  /** An article held back as a duplicate of a stored one, with where it came from and how it was reported. */
  private record Held(Run.FileRun fileRun, Article article, int line, Skip report) {}

  /** Carries a failure of the index itself through a reader's callback, so it fails the run instead of a file. */
  private static final class IndexWriteFailure extends RuntimeException {
    IndexWriteFailure(IOException cause) {
      super(cause);
    }

    @Override
    public synchronized IOException getCause() {
      return (IOException) super.getCause();
    }
  }

  static String hashOf(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
