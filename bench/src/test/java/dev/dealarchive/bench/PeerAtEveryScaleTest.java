package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The peer's build is timed at every corpus size (issue 10's build target at 5×); its searches one at a time wherever
 * ours are, its throughput at the first size only.
 */
class PeerAtEveryScaleTest {
  @TempDir Path folder;

  @Test
  void theBuildIsComparedWithFts5AtEverySizeAndChecked() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    BenchSettings settings =
        new BenchSettings(corpus, Set.of(Phase.BUILD, Phase.PEER), List.of(1, 2), 20, 20, 1, 1, "256m", 2, 7,
            folder.resolve("work"), false);
    BenchReport report = new Benchmark(settings, new PrintWriter(new StringWriter())).run();

    ScaleFigures base = report.scales().get(0);
    ScaleFigures doubled = report.scales().get(1);
    for (ScaleFigures figures : report.scales()) {
      Figure build = figures.get(Keys.BUILD_SECONDS);
      assertTrue(build.ours() > 0 && build.peer() != null && build.peer() > 0, "at " + figures.scale() + "×");
      assertNotNull(figures.get(Keys.INDEX_MB).peer(), "at " + figures.scale() + "×");
    }
    assertNotNull(base.get(Keys.searchQps(1)), "the peer searches at the first size");
    assertNull(doubled.get(Keys.searchQps(1)), "and only there");
    assertNull(doubled.get(Keys.SEARCH_P99), "no latency at a size where the archive's is not measured either");

    TargetCheck atTwo =
        report.targets().stream().filter(t -> t.key().equals("build_vs_fts5_x2")).findFirst().orElseThrow();
    assertEquals(doubled.get(Keys.BUILD_SECONDS).ratio(), atTwo.value(), 1e-9);
    assertEquals(1.0, atTwo.limit());
  }

  @Test
  void thePeersSearchLatencyIsTimedAtEverySizeWhereOursIs() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    BenchSettings settings =
        new BenchSettings(corpus, Set.of(Phase.BUILD, Phase.SEARCH, Phase.PEER), List.of(1, 2), 20, 20, 1, 1, "256m",
            2, 7, folder.resolve("work"), false);
    StringWriter progress = new StringWriter();
    BenchReport report = new Benchmark(settings, new PrintWriter(progress)).run();

    ScaleFigures doubled = report.scales().get(1);
    Figure p99 = doubled.get(Keys.SEARCH_P99);
    assertTrue(p99.ours() > 0 && p99.peer() != null && p99.peer() > 0, "both p99s at 2x: " + p99);
    assertTrue(doubled.get(Keys.SEARCH_P50).peer() > 0, "the peer's p50 at 2x");
    assertNull(doubled.get(Keys.searchQps(1)).peer(), "the peer's throughput at the first size only");
    assertTrue(progress.toString().contains("[x2] peer: search warm-up"), progress.toString());

    String table = ReportTable.render(report);
    String grows = table.substring(table.indexOf("How cost grows"));
    assertTrue(grows.contains("FTS5 p99 ms"), grows);
    String twice = grows.lines().filter(line -> line.startsWith("2×")).findFirst().orElseThrow();
    assertTrue(twice.contains(ReportTable.number(p99.peer())), "the peer's p99 in the 2x row: " + twice);
  }
}
