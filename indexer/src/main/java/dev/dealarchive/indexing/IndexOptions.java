package dev.dealarchive.indexing;

import dev.dealarchive.read.ReadOptions;

/**
 * How an indexing run works.
 *
 * @param read limits applied by readers
 * @param threads indexing threads, at least 1
 * @param full rebuild from scratch instead of syncing; the new index replaces the old one only when complete
 * @param vectors {@code true} to embed new and changed articles (and turn vectors on for the index), {@code false} to
 *     skip embedding in this run ({@code archive index --no-vectors}; a new index is then keyword-only), {@code null}
 *     to follow the index (a new one gets vectors when a model is on the class path)
 */
public record IndexOptions(ReadOptions read, int threads, boolean full, Boolean vectors) {
  /** Options that follow the index on vectors. */
  public IndexOptions(ReadOptions read, int threads, boolean full) {
    this(read, threads, full, null);
  }

  public IndexOptions {
    read = read == null ? ReadOptions.defaults() : read;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** These options with the given choice on vectors. */
  public IndexOptions withVectors(Boolean vectors) {
    return new IndexOptions(read, threads, full, vectors);
  }

  /** Default limits, one thread per core, incremental. */
  public static IndexOptions defaults() {
    return new IndexOptions(ReadOptions.defaults(), Runtime.getRuntime().availableProcessors(), false);
  }
}
