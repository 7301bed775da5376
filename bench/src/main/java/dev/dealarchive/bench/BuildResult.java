package dev.dealarchive.bench;

/**
 * One timed build of an index from a corpus file.
 *
 * @param engine {@code archive} or {@code fts5}
 * @param threads indexing threads
 * @param articles articles stored in the index
 * @param inputBytes size of the corpus file
 * @param wallNanos wall time from opening the empty index to its commit, reading and parsing included
 * @param indexBytes size of the index on disk after the commit
 */
public record BuildResult(String engine, int threads, long articles, long inputBytes, long wallNanos, long indexBytes) {
  /** Wall time in seconds. */
  public double seconds() {
    return wallNanos / 1e9;
  }

  /** Stored articles per second of wall time. */
  public double articlesPerSecond() {
    return articles / seconds();
  }

  /** Input megabytes (10^6 bytes) per second of wall time. */
  public double megabytesPerSecond() {
    return inputBytes / 1e6 / seconds();
  }
}
