package dev.dealarchive.indexing;

import dev.dealarchive.read.ReadOptions;

/**
 * How an indexing run works.
 *
 * @param read limits applied by readers
 * @param threads indexing threads, at least 1
 * @param full rebuild from scratch instead of syncing; the new index replaces the old one only when complete
 */
public record IndexOptions(ReadOptions read, int threads, boolean full) {
  public IndexOptions {
    read = read == null ? ReadOptions.defaults() : read;
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
  }

  /** Default limits, one thread per core, incremental. */
  public static IndexOptions defaults() {
    return new IndexOptions(ReadOptions.defaults(), Runtime.getRuntime().availableProcessors(), false);
  }
}
