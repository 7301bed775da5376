package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.article.ContentHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * Stores the articles of one transaction: gives each its stable id, holds back duplicates (the same story or url as
 * another article, a second claim on an id), writes new and changed articles and deletes those that went away.
 * Decisions are made against the index as it was when the transaction started ({@link IndexLookups}) plus what this
 * transaction did so far.
 */
final class ArticleStore {
  private static final int MAX_ID_CHARS = 2_000;

  private final IndexWriter writer;
  private final DocumentSink sink;
  private final IndexLookups lookups;
  private final FileManifest manifest;
  private final RunTally tally;
  private final IndexProgress progress;
  private final Map<String, String> storiesThisRun = new HashMap<>();
  private final Map<String, String> urlsThisRun = new HashMap<>();
  /** Id → the input that stored it in this run, so a second input claiming the same id is caught. */
  private final Map<String, String> idsThisRun = new HashMap<>();
  /** Ids deleted in this run, which a renamed file may store again without being taken for a duplicate. */
  private final Set<String> deletedThisRun = new HashSet<>();
  /** Articles of this run held back as duplicates of a stored article, by that article's id. */
  private final Map<String, Held> heldAsDuplicateOf = new HashMap<>();

  /** An article held back as a duplicate of a stored one, with where it came from and how it was reported. */
  private record Held(Batch batch, Article article, int line, Skip report) {}

  ArticleStore(
      IndexWriter writer,
      DocumentSink sink,
      IndexLookups lookups,
      FileManifest manifest,
      RunTally tally,
      IndexProgress progress) {
    this.writer = writer;
    this.sink = sink;
    this.lookups = lookups;
    this.manifest = manifest;
    this.tally = tally;
    this.progress = progress;
  }

  /**
   * Starts storing the articles of one input.
   *
   * @param origin the input's key: the absolute path of a file, or a feed or page url
   * @param shownName the input as reports name it
   * @param relativePath the file's path under its indexed folder, which names articles without id or url; null for
   *     inputs that are not files
   */
  Batch batch(String origin, String shownName, Path relativePath) {
    return new Batch(origin, shownName, relativePath);
  }

  /** The articles of one input, as they are pulled from its source. */
  final class Batch {
    final String origin;
    final String shownName;
    private final Path relativePath;
    private final Map<String, Integer> idsInFile = new HashMap<>();
    private boolean hadErrors;
    private long stored;

    private Batch(String origin, String shownName, Path relativePath) {
      this.origin = origin;
      this.shownName = shownName;
      this.relativePath = relativePath;
    }

    /** True when a record of the input was skipped: its old articles are then kept, and its manifest entry too. */
    boolean hadErrors() {
      return hadErrors;
    }

    /** Articles of the input that the index holds after this batch (stored or unchanged). */
    long stored() {
      return stored;
    }

    /** Takes one thing the source found. */
    void accept(ReadEvent event) throws IOException {
      switch (event) {
        case ReadEvent.Found found -> article(found.draft());
        case ReadEvent.Skipped skipped -> {
          hadErrors = true;
          tally.skip(shownName, skipped.line(), skipped.reason());
        }
        case ReadEvent.Warned warned -> tally.warning(shownName, warned.line(), warned.message());
      }
    }

    private void article(ArticleDraft draft) throws IOException {
      progress.articleRead();
      if (draft.isEmpty()) {
        tally.skip(shownName, draft.line(), "article has neither title nor body");
        return;
      }
      String id = idFor(draft);
      if (id == null) {
        tally.skip(shownName, draft.line(), "article has no id and no url");
        return;
      }
      if (id.length() > MAX_ID_CHARS) {
        tally.skip(shownName, draft.line(), "id is longer than " + MAX_ID_CHARS + " characters");
        return;
      }
      Integer firstLine = idsInFile.putIfAbsent(id, draft.line());
      if (firstLine != null) {
        tally.duplicate(shownName, draft.line(), "repeats id " + id + (firstLine > 0 ? " of line " + firstLine : ""));
        return;
      }
      store(this, Article.of(id, draft, origin), draft.line());
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

    /** Deletes articles this input held before and no longer holds. */
    void deleteArticlesNoLongerInInput() throws IOException {
      for (String id : lookups.idsWithOrigin(origin)) {
        if (!idsThisRun.containsKey(id)) {
          deleteId(id);
        }
      }
    }
  }

  private void store(Batch batch, Article article, int line) throws IOException {
    String id = article.id();
    String story = ContentHash.sameStoryKey(article.title(), article.body());
    String sameStory = storiesThisRun.get(story);
    boolean storedBefore = false;
    if (sameStory == null) {
      sameStory = lookups.idWhere(ArchiveFields.STORY, story);
      storedBefore = sameStory != null;
    }
    if (sameStory != null && !sameStory.equals(id) && !deletedThisRun.contains(sameStory)) {
      hold(batch, article, line, sameStory, storedBefore, "same title and body as " + sameStory);
      return;
    }
    if (article.url() != null) {
      String sameUrl = urlsThisRun.get(article.url());
      storedBefore = false;
      if (sameUrl == null) {
        sameUrl = lookups.idWhere(ArchiveFields.URL, article.url());
        storedBefore = sameUrl != null;
      }
      if (sameUrl != null && !sameUrl.equals(id) && !deletedThisRun.contains(sameUrl)) {
        hold(batch, article, line, sameUrl, storedBefore, "same url as " + sameUrl);
        return;
      }
      urlsThisRun.put(article.url(), id);
    }
    String owner = idsThisRun.putIfAbsent(id, batch.shownName);
    if (owner != null) {
      tally.duplicate(batch.shownName, line, "id " + id + " is already used by " + owner);
      return;
    }
    storiesThisRun.put(story, id);
    batch.stored++;
    IndexLookups.Stored existing = lookups.byId(id);
    if (existing != null && article.contentHash().equals(existing.hash()) && batch.origin.equals(existing.origin())) {
      tally.unchanged++;
      return;
    }
    if (existing == null) {
      tally.added++;
      sink.add(ArticleDocuments.toDocument(article, story));
    } else {
      tally.updated++;
      sink.update(id, ArticleDocuments.toDocument(article, story));
    }
  }

  /**
   * Reports a duplicate; when it repeats an article stored before this run, keeps it aside in case this run deletes
   * that article (see {@link #deleteId}).
   */
  private void hold(Batch batch, Article article, int line, String originalId, boolean storedBefore, String reason) {
    Skip report = tally.duplicate(batch.shownName, line, reason);
    if (storedBefore) {
      heldAsDuplicateOf.putIfAbsent(originalId, new Held(batch, article, line, report));
    }
  }

  /**
   * Deletes a stored article. An article of this run that was held back as a duplicate of it is stored after all:
   * the story moved (to another file, or under another id), and must not vanish with its old copy.
   */
  private void deleteId(String id) throws IOException {
    // The article and its passages: passages left behind would join the next block after a merge.
    writer.deleteDocuments(ArticleBlocks.deleteTerms(id));
    deletedThisRun.add(id);
    tally.deleted++;
    Held held = heldAsDuplicateOf.remove(id);
    if (held != null) {
      tally.withdraw(held.report());
      Batch batch = held.batch();
      long before = batch.stored;
      store(batch, held.article(), held.line());
      FileManifest.Entry entry = manifest.get(batch.origin);
      if (entry != null && batch.stored > before) {
        manifest.put(
            batch.origin,
            new FileManifest.Entry(entry.size(), entry.modifiedMillis(), entry.hash(), entry.articles() + 1,
                entry.skips()));
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

  /** Removes the articles of a file that is gone, and its manifest entry; articles stored again this run stay. */
  void deleteFileArticles(String path) throws IOException {
    Collection<String> ids = lookups.idsWithOrigin(path);
    if (ids.isEmpty() && manifest.get(path) == null) {
      return;
    }
    for (String id : ids) {
      if (!idsThisRun.containsKey(id)) {
        deleteId(id);
      }
    }
    manifest.remove(path);
    tally.changedManifest = true;
  }

  /**
   * Files under a folder that the manifest lists or that articles in the index come from. The index is asked too
   * because a crash between a commit and the manifest save leaves committed files out of the manifest; were one of
   * them deleted before the next complete run, its articles would otherwise stay forever.
   */
  Set<String> knownFilesUnder(String folder) throws IOException {
    Set<String> files = new TreeSet<>(manifest.pathsUnder(folder));
    files.addAll(lookups.originsUnder(folder));
    return files;
  }
}
