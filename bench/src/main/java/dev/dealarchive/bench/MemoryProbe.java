package dev.dealarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ServeLoop} in a child JVM with a fixed heap limit and reads back its {@link MemoryReport}. The child
 * uses the same Java and class path as this process.
 */
final class MemoryProbe {
  private static final long TIMEOUT_MINUTES = 60;

  private MemoryProbe() {}

  /**
   * Serves {@code queries} and {@code questions} {@code rounds} times from the index in {@code index} in a child
   * JVM limited to {@code heap} (such as {@code 256m}).
   *
   * @param work folder for the logs handed to the child, its report and its standard error
   * @throws IOException when the child fails, for example with an {@link OutOfMemoryError}
   */
  static MemoryReport run(Path index, List<String> queries, List<String> questions, int rounds, String heap, Path work)
      throws IOException {
    return run(index, queries, questions, rounds, heap, work, List.of());
  }

  /**
   * As {@link #run(Path, List, List, int, String, Path)}, with more options for the child JVM (such as {@code
   * --add-modules jdk.incubator.vector} and the model's cache folder for a serving process that embeds questions).
   */
  static MemoryReport run(Path index, List<String> queries, List<String> questions, int rounds, String heap, Path work,
      List<String> jvmOptions) throws IOException {
    Path queryFile = work.resolve("serve-queries.txt");
    Path questionFile = work.resolve("serve-questions.txt");
    Path report = work.resolve("serve-report.json");
    Path log = work.resolve("serve-stderr.log");
    Files.write(queryFile, queries, StandardCharsets.UTF_8);
    Files.write(questionFile, questions, StandardCharsets.UTF_8);
    Files.deleteIfExists(report);
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.add("-Xmx" + heap);
    command.add("-Dfile.encoding=UTF-8");
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ServeLoop.class.getName());
    command.add(index.toAbsolutePath().toString());
    command.add(queryFile.toString());
    command.add(questionFile.toString());
    command.add(Integer.toString(rounds));
    command.add(report.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(log.toFile())
            .start();
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IOException("the serving process did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the serving process", e);
    }
    if (process.exitValue() != 0 || !Files.exists(report)) {
      throw new IOException(
          "the serving process with -Xmx" + heap + " failed (exit code " + process.exitValue() + "): "
              + Files.readString(log, StandardCharsets.UTF_8).strip());
    }
    return Corpus.MAPPER.readValue(Files.readString(report, StandardCharsets.UTF_8), MemoryReport.class);
  }

  private static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
