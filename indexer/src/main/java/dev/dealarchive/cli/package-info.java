/**
 * The {@code archive} command line: {@link dev.dealarchive.cli.ArchiveCommand} and its subcommands. Commands are
 * picocli {@code Callable<Integer>}s, so exit codes are testable; only {@code main} exits.
 */
package dev.dealarchive.cli;
