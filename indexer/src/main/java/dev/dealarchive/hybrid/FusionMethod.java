package dev.dealarchive.hybrid;

import java.util.Locale;

/** How the keyword and the semantic ranking are merged. */
public enum FusionMethod {
  /**
   * A convex combination of min-max normalised scores: {@code w * semantic + (1 - w) * keyword}, an article missing
   * from one side scoring 0 there. Keeps how far apart scores are, so a clear keyword winner stays ahead.
   */
  CONVEX,
  /** Reciprocal rank fusion (Lucene's {@code TopDocs.rrf}): ranks only, {@code sum 1 / (k + rank)}. */
  RRF;

  /** Parses {@code convex} or {@code rrf}, in any case. */
  public static FusionMethod parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("fusion must be convex or rrf, not " + text, e);
    }
  }

  /** The name in lower case, as on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
