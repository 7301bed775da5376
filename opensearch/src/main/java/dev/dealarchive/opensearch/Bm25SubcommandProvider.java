package dev.dealarchive.opensearch;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive opensearch-bm25} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class Bm25SubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new Bm25Command();
  }
}
