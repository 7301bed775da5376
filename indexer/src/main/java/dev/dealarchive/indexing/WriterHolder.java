package dev.dealarchive.indexing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who holds an index's write lock: a small file beside Lucene's lock naming the holding process (its pid and what it
 * runs, such as {@code archive watch}), written when the lock is taken and removed when it is released, so a second
 * writer can say whom it waits for.
 */
final class WriterHolder {
  /** The file in the index folder. */
  static final String FILE_NAME = "writer-holder.txt";
  private static final Set<String> COMMANDS = Set.of("index", "watch", "bot", "add", "remove", "feeds", "bench");

  private WriterHolder() {}

  /** Records this process as the holder; a failure to write only costs the detail in others' messages. */
  static void record(Path indexDir) {
    ProcessHandle self = ProcessHandle.current();
    String line = "pid " + self.pid() + ": " + describe(self);
    try {
      Files.writeString(indexDir.resolve(FILE_NAME), line + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      // The lock itself is what matters.
    }
  }

  /** Removes the record, when it is this process's. */
  static void clear(Path indexDir) {
    Path file = indexDir.resolve(FILE_NAME);
    try {
      if (Files.readString(file, StandardCharsets.UTF_8).startsWith("pid " + ProcessHandle.current().pid() + ":")) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Nothing recorded, or nothing to do.
    }
  }

  /** The holder as recorded ({@code archive watch, pid 1234}), when known. */
  static Optional<String> of(Path indexDir) {
    try {
      String line = Files.readString(indexDir.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
      if (!line.startsWith("pid ") || !line.contains(": ")) {
        return Optional.empty();
      }
      String pid = line.substring(4, line.indexOf(": "));
      String what = line.substring(line.indexOf(": ") + 2);
      if (pid.equals(Long.toString(ProcessHandle.current().pid()))) {
        return Optional.of(what + " in this process");
      }
      return Optional.of(what + ", pid " + pid);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** What a process runs: {@code archive watch} for the archive's commands, else its command's name. */
  private static String describe(ProcessHandle process) {
    List<String> arguments = process.info().arguments().map(List::of).orElse(List.of());
    for (String argument : arguments) {
      if (COMMANDS.contains(argument)) {
        return "archive " + argument;
      }
    }
    return process.info().command().map(command -> Path.of(command).getFileName().toString()).orElse("a process");
  }
}
