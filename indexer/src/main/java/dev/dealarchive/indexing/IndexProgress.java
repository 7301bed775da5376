package dev.dealarchive.indexing;

import java.nio.file.Path;

/** Receives progress of an indexing run, for a progress bar or log lines. Called from the run's thread, except where
 * noted. */
public interface IndexProgress {
  /** No progress reporting. */
  IndexProgress NONE = new IndexProgress() {};

  /** A file is about to be read; {@code bytes} is its size. */
  default void fileStarted(Path file, long bytes) {}

  /** A file is done. */
  default void fileFinished(Path file, long bytes) {}

  /** One more article was read. */
  default void articleRead() {}

  /** Embedding starts: {@code articles} articles wait for vectors. */
  default void embeddingStarted(long articles) {}

  /** {@code articles} more articles have their vectors. Called from the embedding worker threads. */
  default void articlesEmbedded(int articles) {}
}
