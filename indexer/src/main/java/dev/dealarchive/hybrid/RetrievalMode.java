package dev.dealarchive.hybrid;

import java.util.Locale;

/** Which evidence ranks articles. */
public enum RetrievalMode {
  /** Words only: BM25F over title and body. */
  KEYWORD,
  /** Meaning only: the article's passage nearest to the question's vector. */
  SEMANTIC,
  /** Both, fused; words only when the index has no vectors or the model is not available. */
  HYBRID;

  /** Parses {@code keyword}, {@code semantic} or {@code hybrid}, in any case. */
  public static RetrievalMode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("retrieval mode must be keyword, semantic or hybrid, not " + text, e);
    }
  }

  /** The name in lower case, as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
