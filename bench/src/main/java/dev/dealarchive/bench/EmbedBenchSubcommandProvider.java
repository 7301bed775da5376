package dev.dealarchive.bench;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive embed-bench} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class EmbedBenchSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new EmbedBenchCommand();
  }
}
