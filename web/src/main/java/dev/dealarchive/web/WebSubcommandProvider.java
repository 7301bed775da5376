package dev.dealarchive.web;

import dev.dealarchive.cli.SubcommandProvider;

/**
 * Contributes {@code archive serve} to the archive command line (found through {@link java.util.ServiceLoader}).
 * Registered twice in the services file through {@link Bench}, which contributes {@code archive web-bench}.
 */
public final class WebSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new ServeCommand(System.getenv());
  }

  /** Contributes {@code archive web-bench}. */
  public static final class Bench implements SubcommandProvider {
    @Override
    public Object command() {
      return new WebBenchCommand();
    }
  }
}
