package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File names are bytes; Java sees them through the locale's charset ({@code sun.jnu.encoding}). Under {@code
 * LC_ALL=POSIX} (cron, systemd) {@code café.md} cannot be represented; under {@code C.UTF-8} a name with invalid bytes
 * cannot. Either is skipped with a reason, never fatal, and a second run changes nothing.
 */
class FileNameEncodingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  /** Makes files whose names are raw bytes, as a shell would. */
  private Path folderWithOddNames() throws Exception {
    Path folder = Files.createDirectories(temp.resolve("in"));
    Files.writeString(folder.resolve("good.md"), "# Good deal\n\nAcme signed a good deal.\n", StandardCharsets.UTF_8);
    Process shell = new ProcessBuilder("sh", "-c",
        "printf '# Cafe deal\\n\\nAcme signed a cafe deal.\\n' > \"$(printf 'caf\\303\\251.md')\" && "
            + "printf '# Bad name\\n\\nAcme signed a bad deal.\\n' > \"$(printf 'bad\\377\\376.md')\"")
        .directory(folder.toFile()).inheritIO().start();
    assertEquals(0, shell.waitFor());
    return folder;
  }

  private record Run(int exit, JsonNode summary, String output) {}

  private Run index(Path folder, String locale) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "dev.dealarchive.cli.ArchiveCommand", "index", "--json", "--index", temp.resolve("idx").toString(),
        folder.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("LANG");
    builder.environment().remove("LANGUAGE");
    builder.environment().put("LC_ALL", locale);
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    String json = output.lines().filter(line -> line.startsWith("{")).reduce((a, b) -> b).orElse("{}");
    return new Run(child.exitValue(), JSON.readTree(json), output);
  }

  @Test
  void underPosixUnrepresentableNamesAreSkippedAndLaterRunsStillWork() throws Exception {
    Path folder = folderWithOddNames();

    Run first = index(folder, "POSIX");
    Run second = index(folder, "POSIX");
    Files.writeString(folder.resolve("new.md"), "# New deal\n\nAcme signed a new deal.\n", StandardCharsets.UTF_8);
    Run third = index(folder, "POSIX");

    assertNotEquals(ExitCodes.FAILED, first.exit(), first.output());
    assertTrue(first.output().contains("file name"), first.output());
    assertEquals(1, first.summary().get("added").asInt(), first.output());
    assertNotEquals(ExitCodes.FAILED, second.exit(), second.output());
    assertEquals(0, second.summary().get("added").asInt() + second.summary().get("deleted").asInt(),
        second.output());
    assertNotEquals(ExitCodes.FAILED, third.exit(), third.output());
    assertEquals(1, third.summary().get("added").asInt(), third.output());
    assertFalse(third.output().contains("Malformed input"), third.output());
  }

  @Test
  void underUtf8AnInvalidNameIsSkippedOnceAndNeverFlipsBetweenRuns() throws Exception {
    Path folder = folderWithOddNames();

    Run first = index(folder, "C.UTF-8");
    Run second = index(folder, "C.UTF-8");
    Run third = index(folder, "C.UTF-8");

    assertNotEquals(ExitCodes.FAILED, first.exit(), first.output());
    assertEquals(2, first.summary().get("added").asInt(), "good.md and café.md: " + first.output());
    assertTrue(first.output().contains("file name"), first.output());
    for (Run later : List.of(second, third)) {
      assertEquals(0, later.summary().get("added").asInt() + later.summary().get("deleted").asInt()
          + later.summary().get("updated").asInt(), later.output());
    }
  }
}
