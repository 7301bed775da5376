package dev.dealarchive.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Tells mistyped options from query words in {@code search} and {@code ask}, which take unmatched options as words so
 * that {@code -word} excludes a word: a word of the form {@code --name} is no query word but a mistyped option.
 */
final class UnknownOptions {
  private UnknownOptions() {}

  /** Throws a usage error (exit status 64) naming the first {@code --name} among {@code words}. */
  static void refuse(CommandSpec spec, List<String> words) {
    for (String word : words) {
      if (word.matches("--[A-Za-z][\\w-]*(=.*)?")) {
        String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
        throw new ParameterException(spec.commandLine(), "Unknown option: '" + name + "'");
      }
    }
  }
}
