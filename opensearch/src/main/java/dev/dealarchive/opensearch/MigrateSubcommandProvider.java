package dev.dealarchive.opensearch;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive migrate} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class MigrateSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new MigrateCommand();
  }
}
