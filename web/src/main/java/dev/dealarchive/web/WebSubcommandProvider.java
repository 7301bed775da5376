package dev.dealarchive.web;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive serve} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class WebSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new ServeCommand(System.getenv());
  }
}
