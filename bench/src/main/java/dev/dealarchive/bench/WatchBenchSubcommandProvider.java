package dev.dealarchive.bench;

import dev.dealarchive.cli.SubcommandProvider;

/**
 * Contributes the hidden {@code archive watch-bench} to the archive command line (found through {@link
 * java.util.ServiceLoader}).
 */
public final class WatchBenchSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new WatchBenchCommand();
  }
}
