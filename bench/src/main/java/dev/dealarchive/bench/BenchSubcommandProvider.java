package dev.dealarchive.bench;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive bench} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class BenchSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new BenchCommand();
  }
}
