package dev.dealarchive.engine;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * One write session of an {@link ArchiveEngine}: holds the archive's write lock from {@link ArchiveEngine#openWriter}
 * until {@link #close} (a whole {@code archive watch} session holds one). Each method is one transaction: it commits
 * once at its end, or, when it fails, rolls back so the archive is exactly as before the call; after a failure the
 * session is closed and a new one must be opened. Not thread-safe: one caller at a time.
 */
public interface ArchiveWriter extends AutoCloseable {

  /**
   * Brings the archive in line with the given files and folders and commits: only new or changed files are read,
   * articles of files deleted from an indexed folder are removed; {@link IndexOptions#full()} rebuilds from exactly
   * these inputs. The inputs are recorded for {@link #reindex}.
   */
  IndexSummary index(List<Path> inputs, IndexOptions options, IndexProgress progress) throws IOException;

  /**
   * Syncs only the given paths, as a file watcher reports them, and commits; no folder is walked. Each path must lie
   * under an input an earlier {@link #index} run was given; a path that no longer exists has its articles removed.
   */
  IndexSummary indexChanges(Collection<Path> paths, IndexOptions options, IndexProgress progress) throws IOException;

  /**
   * Stores articles of a non-file origin (a feed or a page url) and commits. Articles of that origin that are not in
   * {@code drafts} are kept. Each draft needs an explicit id or a url.
   */
  IndexSummary indexDrafts(String origin, List<ArticleDraft> drafts) throws IOException;

  /**
   * Re-syncs every input that earlier runs were given, as {@code archive index} without arguments does.
   *
   * @throws IllegalStateException when no inputs are recorded
   */
  IndexSummary reindex(IndexOptions options, IndexProgress progress) throws IOException;

  /** The inputs that earlier runs were given. */
  List<Path> recordedInputs();

  /**
   * Forgets an input (a file or folder once indexed, or a feed or page url) and removes its articles, and commits; a
   * later {@link #reindex} no longer re-syncs it. The summary's {@code skipped} names the input when nothing was known
   * by that name.
   *
   * @throws UnsupportedOperationException where the engine cannot remove inputs
   */
  default IndexSummary remove(String input) throws IOException {
    throw new UnsupportedOperationException("this archive engine cannot remove inputs");
  }

  /**
   * Stores the articles that {@code archive add} queued while another writer held the archive, each in its own
   * commit, and removes each from the queue after its commit.
   *
   * @return the summary of each stored article, oldest first
   */
  List<IndexSummary> storeQueuedAdds() throws IOException;

  /**
   * Embeds every article that waits for vectors (all of them after a model change, or in a keyword-only index, which
   * then has vectors from now on) and commits once: {@code archive embed}.
   *
   * @throws UnsupportedOperationException when this engine keeps no vectors
   */
  default EmbedSummary embed(IndexProgress progress) throws IOException {
    throw new UnsupportedOperationException("this archive engine keeps no vectors");
  }

  /** What the embedding step of the last call did, or {@code null} when it had none (or the engine embeds elsewhere). */
  default EmbedSummary lastEmbedding() {
    return null;
  }

  /** Ends the session, releasing the write lock; uncommitted changes are discarded. */
  @Override
  void close() throws IOException;
}
