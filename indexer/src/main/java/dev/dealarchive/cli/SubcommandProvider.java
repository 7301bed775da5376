package dev.dealarchive.cli;

/**
 * Contributes a subcommand to {@code archive} from another module (the bot contributes {@code archive bot}).
 * Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface SubcommandProvider {
  /** A new picocli {@code @Command} object whose {@code call()} returns the exit code. */
  Object command();
}
