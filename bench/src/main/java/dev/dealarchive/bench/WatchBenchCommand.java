package dev.dealarchive.bench;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.watch.FeedSource;
import dev.dealarchive.watch.WatchOptions;
import dev.dealarchive.watch.Watcher;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archive watch-bench} (hidden): how long a new article takes to become searchable under {@code archive
 * watch}. Runs a watcher on a scratch folder, drops Markdown files one at a time, and times each from the write until
 * a separate reader (polling every 10 ms, as another process would) finds its id. Prints p50, p99 and max.
 */
@Command(name = "watch-bench", hidden = true, mixinStandardHelpOptions = true,
    description = "Measure file-to-searchable latency under archive watch.")
public final class WatchBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--files", paramLabel = "N", description = "Files to drop (default: 100).")
  int files = 100;

  @Option(names = "--quiet-period", paramLabel = "DURATION", description = "Watcher quiet period (default: 500ms).")
  String quietPeriod = "500ms";

  @Option(names = "--dir", paramLabel = "DIR", description = "Scratch folder (default: a new temporary folder).")
  Path dir;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path scratch = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("watch-bench");
    Path data = Files.createDirectories(scratch.resolve("data"));
    Path index = scratch.resolve("index");
    WatchOptions options = WatchOptions.of(List.of(data), List.of())
        .withTimings(FeedSource.parseDuration(quietPeriod), WatchOptions.DEFAULT_RESCAN_INTERVAL);
    long[] millis = new long[files];
    try (Watcher watcher = Watcher.open(index, options, report -> {})) {
      watcher.runInBackground("watch-bench-watcher");
      if (!watcher.awaitStarted(Duration.ofSeconds(60))) {
        throw new IllegalStateException("the watcher did not start");
      }
      try (Directory directory = FSDirectory.open(index)) {
        for (int i = 0; i < files; i++) {
          String id = "bench-" + i;
          long start = System.nanoTime();
          Files.writeString(data.resolve(id + ".md"),
              "---\nid: " + id + "\ntitle: Benchmark deal " + i + "\ndate: 2026-04-28\n---\nCompany " + i
                  + " partners with the benchmark.\n",
              StandardCharsets.UTF_8);
          awaitSearchable(directory, id, start + Duration.ofSeconds(30).toNanos());
          millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
      }
    }
    Arrays.sort(millis);
    out.printf(Locale.ROOT, "%d files, quiet period %s: p50 %d ms, p99 %d ms, max %d ms (write to searchable)%n",
        files, quietPeriod, percentile(millis, 50), percentile(millis, 99), millis[millis.length - 1]);
    return ExitCodes.OK;
  }

  private static void awaitSearchable(Directory directory, String id, long deadline) throws Exception {
    TermQuery query = new TermQuery(new Term(ArchiveFields.ID, id));
    while (System.nanoTime() < deadline) {
      if (DirectoryReader.indexExists(directory)) {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          if (new IndexSearcher(reader).count(query) > 0) {
            return;
          }
        }
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(id + " not searchable within 30 s");
  }

  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
}
