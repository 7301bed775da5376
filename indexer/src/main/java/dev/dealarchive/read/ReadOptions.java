package dev.dealarchive.read;

/**
 * Limits that readers apply.
 *
 * @param maxBytes largest file (for single-article formats and feeds) or record (for JSON lines) that is read;
 *     larger ones are skipped as oversized
 */
public record ReadOptions(long maxBytes) {
  /** 10 MB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_MAX_BYTES);
  }

  public ReadOptions {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
  }
}
