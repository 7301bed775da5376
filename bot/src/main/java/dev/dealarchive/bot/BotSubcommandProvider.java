package dev.dealarchive.bot;

import dev.dealarchive.cli.SubcommandProvider;

/** Contributes {@code archive bot} to the archive command line (found through {@link java.util.ServiceLoader}). */
public final class BotSubcommandProvider implements SubcommandProvider {
  @Override
  public Object command() {
    return new BotCommand(System.getenv());
  }
}
