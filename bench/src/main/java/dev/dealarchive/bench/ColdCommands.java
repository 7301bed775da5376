package dev.dealarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Times whole {@code ./archive} processes, JVM start-up included, as a user at a shell sees them. */
final class ColdCommands {
  /** System property the launcher sets to the project folder. */
  static final String HOME_PROPERTY = "archive.home";
  private static final long TIMEOUT_SECONDS = 120;

  private final Path launcher;
  private final Path log;

  /**
   * @param launcher the {@code archive} launcher script
   * @param log file that receives the standard error of the timed processes (kept for diagnosis)
   */
  ColdCommands(Path launcher, Path log) {
    this.launcher = launcher;
    this.log = log;
  }

  /** The launcher next to the running jar, or null when the bench was not started through it. */
  static Path findLauncher() {
    String home = System.getProperty(HOME_PROPERTY);
    if (home == null) {
      return null;
    }
    Path launcher = Path.of(home, "archive");
    return Files.isExecutable(launcher) ? launcher : null;
  }

  /**
   * Runs each argument list once untimed per warm-up, then {@code runs} times timed (cycling through the lists),
   * and returns the per-run wall times in nanoseconds.
   */
  long[] time(List<List<String>> argumentLists, int warmUps, int runs) throws IOException {
    for (int i = 0; i < warmUps; i++) {
      run(argumentLists.get(i % argumentLists.size()));
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      nanos[i] = run(argumentLists.get(i % argumentLists.size()));
    }
    return nanos;
  }

  /** Runs {@code ./archive ARGS} and returns its wall time; fails when it exits with a code other than 0. */
  long run(List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(launcher.toString());
    command.addAll(arguments);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long start = System.nanoTime();
    Process process = builder.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out after " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", command), e);
    }
    long wall = System.nanoTime() - start;
    if (process.exitValue() != 0) {
      throw new IOException(
          "exit code " + process.exitValue() + " from " + String.join(" ", command) + "; see " + log + ":\n" + tail());
    }
    return wall;
  }

  private String tail() throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    List<String> lines = Arrays.asList(Files.readString(log, StandardCharsets.UTF_8).split("\n"));
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
  }
}
