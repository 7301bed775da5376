package dev.dealarchive.embed;

/**
 * Provides {@link HashingEmbedder} to the indexer module's tests through the {@link java.util.ServiceLoader}, as the
 * semantic module provides the real model in the application, but only where a test names it (a child JVM with
 * {@code -Darchive.model=hashing}, or {@code ArchiveIndexer.embedWith}): other tests keep keyword-only indexes. The
 * version comes from the system property {@code archive.test.model.version} (default {@code 1}), so a test can
 * simulate a model change.
 */
public final class HashingEmbedderProvider implements EmbedderProvider {
  public static final String NAME = "hashing";

  @Override
  public String name() {
    return NAME;
  }

  /** Used only where a test names it ({@code archive.model=hashing}, or {@code ArchiveIndexer.embedWith}). */
  @Override
  public boolean isDefault() {
    return false;
  }

  @Override
  public String modelKey() {
    return new HashingEmbedder(version()).modelKey();
  }

  @Override
  public Embedder open(EmbedderSettings settings) {
    return new HashingEmbedder(version());
  }

  private static String version() {
    return System.getProperty("archive.test.model.version", "1");
  }
}
