package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.read.ReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vectors phase with the real model on the three-article corpus: a quick run and a read-only reuse. */
class VectorPhaseTest {
  @TempDir Path folder;

  private BenchSettings settings(Path corpus, int articles, Path vectorIndex) {
    return new BenchSettings(corpus, Set.of(Phase.VECTORS), List.of(1), 20, 20, 1, 1, "256m", 2, 7,
        folder.resolve("work"), false, articles, vectorIndex);
  }

  @Test
  void aQuickRunBuildsTheFirstArticlesBothWaysAndMeasuresEveryFigureOfTheQuerySide() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    BenchReport report = new Benchmark(settings(corpus, 2, null), new PrintWriter(new StringWriter())).run();
    ScaleFigures figures = report.scales().get(0);

    assertEquals(2.0, figures.get(Keys.VECTORS_ARTICLES).ours());
    assertTrue(figures.get(Keys.VECTORS_PASSAGES).ours() >= 2);
    assertTrue(figures.get(Keys.VECTORS_PASSAGES_PER_S).ours() > 0);
    assertTrue(figures.get(Keys.VECTORS_INDEX_MB).ours() > figures.get(Keys.VECTORS_INDEX_KEYWORD_MB).ours(),
        "vectors take room");
    assertTrue(figures.get(Keys.VECTORS_BUILD_S).ours() >= figures.get(Keys.VECTORS_EMBEDDING_S).ours());
    for (String key : List.of(Keys.VECTORS_MODEL_LOAD_MS, Keys.VECTORS_QUERY_P50, Keys.VECTORS_QUERY_P99,
        Keys.VECTORS_ASK_KEYWORD_P99, Keys.VECTORS_ASK_HYBRID_P50, Keys.VECTORS_ASK_HYBRID_P99,
        Keys.VECTORS_SERVE_RSS_PEAK)) {
      assertTrue(figures.get(key).ours() > 0, key);
    }
    assertNull(figures.get(Keys.BUILD_SECONDS), "no keyword phase ran");
    // Outside the launcher the cold ask cannot run: said, not faked.
    assertNull(figures.get(Keys.VECTORS_COLD_ASK));
    assertTrue(report.notes().stream().anyMatch(note -> note.contains("cold ask skipped")), report.notes().toString());

    TargetCheck hybrid = report.targets().stream().filter(t -> t.key().equals("ask_hybrid_p99")).findFirst()
        .orElseThrow();
    assertEquals(figures.get(Keys.VECTORS_ASK_HYBRID_P99).ours(), hybrid.value());
    assertEquals(30.0, hybrid.limit());
    String table = ReportTable.render(report);
    assertTrue(table.contains("Vectors: ask p99, hybrid (warm)") && table.contains("Hybrid ask p99, warm"), table);
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) ((List<Object>) report.toJson()
        .get("scales")).get(0)).get("figures");
    assertTrue(json.containsKey("vectors.ask_hybrid_p99_ms") && json.containsKey("vectors.passages_per_s"));
    assertTrue(Files.notExists(folder.resolve("work")), "the work folder is deleted");
  }

  @Test
  void aGivenIndexWithVectorsIsOnlyReadAndGivesTheQuerySideFigures() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    Path index = folder.resolve("given");
    try (ArchiveWriter writer = IndexFolder.at(index).openWriter()) {
      writer.index(List.of(corpus), new IndexOptions(ReadOptions.defaults(), 1, false, true), IndexProgress.NONE);
    }
    Map<String, String> before = snapshot(index);

    BenchReport report = new Benchmark(settings(corpus, 0, index), new PrintWriter(new StringWriter())).run();
    ScaleFigures figures = report.scales().get(0);

    assertEquals(before, snapshot(index), "the given index is unchanged");
    assertEquals(3.0, figures.get(Keys.VECTORS_ARTICLES).ours());
    assertNull(figures.get(Keys.VECTORS_BUILD_S), "nothing built");
    assertTrue(figures.get(Keys.VECTORS_ASK_HYBRID_P99).ours() > 0);
    assertTrue(figures.get(Keys.VECTORS_SERVE_RSS_PEAK).ours() > 0);
  }

  @Test
  void aKeywordOnlyIndexOrAVectorOptionWithoutThePhaseIsAUsageError() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    Path index = folder.resolve("keyword-only");
    try (ArchiveWriter writer = IndexFolder.at(index).openWriter()) {
      writer.index(List.of(corpus), new IndexOptions(ReadOptions.defaults(), 1, false, false), IndexProgress.NONE);
    }
    StringWriter err = new StringWriter();
    int code = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench", "--corpus",
        corpus.toString(), "--phases", "vectors", "--vector-index", index.toString());
    assertEquals(ExitCodes.USAGE, code);
    assertTrue(err.toString().contains("has no vectors"), err.toString());

    err = new StringWriter();
    code = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "bench", "--corpus",
        corpus.toString(), "--vector-articles", "100");
    assertEquals(ExitCodes.USAGE, code);
    assertTrue(err.toString().contains("add it with --phases vectors"), err.toString());
  }

  /** Every file under {@code folder} with its size, time and content digest. */
  private static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        files.put(folder.relativize(path).toString(), Files.size(path) + " " + Files.getLastModifiedTime(path) + " "
            + Arrays.hashCode(Files.readAllBytes(path)));
      }
    }
    return files;
  }
}
