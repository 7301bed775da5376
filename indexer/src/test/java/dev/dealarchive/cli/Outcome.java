package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.BundledData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What one in-process run of the command line returned and printed: the command-line tests' one way to run it. */
record Outcome(int exit, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Runs {@code archive ARGS...} in this JVM. */
  static Outcome run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  /** Runs the command {@code args[0]} with {@code --index index} put right after it. */
  static Outcome runWithIndex(Path index, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--index");
    all.add(2, index.toString());
    return run(all.toArray(String[]::new));
  }

  /** Indexes the bundled sample articles into {@code folder/index} and returns that index. */
  static Path indexBundledData(Path folder) {
    Path index = folder.resolve("index");
    Outcome outcome = run("index", "--index", index.toString(), BundledData.folder().toString());
    assertEquals(0, outcome.exit(), outcome.err() + outcome.out());
    return index;
  }

  /** Standard output read as one JSON value. */
  JsonNode json() throws IOException {
    return JSON.readTree(out);
  }
}
