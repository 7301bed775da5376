package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path folder;

  @Test
  void skipsWithAMessageWhenTheCorpusIsAbsent() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "bench", "--corpus",
        folder.resolve("missing.jsonl").toString());
    assertEquals(ExitCodes.OK, code);
    assertTrue(err.toString().contains("skipped: no corpus at"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void unknownPhaseIsAUsageError() throws IOException {
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench", "--corpus",
        SmallCorpus.write(folder).toString(), "--phases", "warp");
    assertEquals(ExitCodes.USAGE, code);
    assertTrue(err.toString().contains("unknown phase"), err.toString());
  }

}
