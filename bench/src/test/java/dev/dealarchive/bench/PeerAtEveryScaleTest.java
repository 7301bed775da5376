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

/** The peer's build is timed at every corpus size (issue 10's build target at 5×), its searches at the first only. */
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

    TargetCheck atTwo =
        report.targets().stream().filter(t -> t.key().equals("build_vs_fts5_x2")).findFirst().orElseThrow();
    assertEquals(doubled.get(Keys.BUILD_SECONDS).ratio(), atTwo.value(), 1e-9);
    assertEquals(1.0, atTwo.limit());
  }
}
