package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.watch.FeedSource;
import dev.dealarchive.watch.WatchOptions;
import dev.dealarchive.watch.Watcher;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive watch PATH... [--feed URL...] [--feeds FILE]}: keeps the index current until stopped. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the index in line with folders and feeds until stopped (Ctrl-C or SIGTERM, which commit and exit 0).",
      "New, changed and deleted files are indexed within seconds once they stop changing; feeds are polled with "
          + "conditional GET, and summary-only entries are completed from their pages.",
      "One status line per batch."
    },
    footer = {
      "%nExamples:",
      "  archive watch data/ ~/shared/partner-news/",
      "  archive watch data/ --feed https://news.example/deals.rss"
    })
public final class WatchCommand implements Callable<Integer> {
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
  private static final AtomicBoolean STOPPED_SAID = new AtomicBoolean();

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;
  @Mixin FetchRules fetchRules;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Folders to watch (recursively).")
  List<Path> folders = new ArrayList<>();

  @Option(names = "--feed", paramLabel = "URL", description = "An RSS or Atom feed to poll; repeatable.")
  List<URI> feeds = new ArrayList<>();

  @Option(
      names = "--feeds",
      paramLabel = "FILE",
      description = "A file of feeds: one url per line, optionally followed by its interval (e.g. 30m); # comments.")
  Path feedsFile;

  @Option(names = "--interval", paramLabel = "DURATION", description = "Feed poll interval (default: 15m).")
  String interval = "15m";

  @Option(
      names = "--quiet-period",
      paramLabel = "DURATION",
      description = "How long a file must stay unchanged before it is indexed (default: 500ms).")
  String quietPeriod = "500ms";

  @Option(
      names = "--rescan",
      paramLabel = "DURATION",
      description = "How often the folders are walked in full, for missed events and network drives (default: 60s).")
  String rescan = "60s";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<FeedSource> sources = new ArrayList<>();
    Duration feedInterval = FeedSource.parseDuration(interval);
    for (URI feed : feeds) {
      sources.add(new FeedSource(feed, feedInterval));
    }
    if (feedsFile != null) {
      sources.addAll(FeedSource.readFile(feedsFile, feedInterval));
    }
    if (folders.isEmpty() && sources.isEmpty()) {
      err.println("archive watch: name folders to watch, or feeds with --feed or --feeds");
      return ExitCodes.USAGE;
    }
    WatchOptions options =
        WatchOptions.of(folders, sources)
            .withTimings(FeedSource.parseDuration(quietPeriod), FeedSource.parseDuration(rescan))
            .withFetch(fetchRules.options());
    Watcher watcher;
    try {
      watcher = Watcher.open(ArchiveEngines.open(location.settings().withFetch(fetchRules.options())), location.path(), options, report -> {
        out.println(report.line());
        out.flush();
      });
    } catch (IndexBusyException e) {
      err.println("archive watch: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    Thread hook = new Thread(() -> stopOnSignal(watcher, out, err), "archive-watch-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    out.printf(
        "Watching %d folder(s) and %d feed(s) into %s; Ctrl-C to stop.%n", folders.size(), sources.size(), location.path());
    out.flush();
    try {
      watcher.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it reports and exits
      }
    }
    sayStopped(out);
    return ExitCodes.OK;
  }

  private static void sayStopped(PrintWriter out) {
    if (STOPPED_SAID.compareAndSet(false, true)) {
      out.println("Stopped; every finished batch is committed.");
      out.flush();
    }
  }

  /**
   * On SIGINT or SIGTERM: lets the current batch commit, then ends the process with status 0. If the watcher does not
   * stop in time, the JVM ends with the signal's status and the index keeps its last commit.
   */
  private static void stopOnSignal(Watcher watcher, PrintWriter out, PrintWriter err) {
    if (!watcher.isRunning()) {
      return;
    }
    watcher.stop();
    try {
      if (watcher.awaitFinished(SHUTDOWN_WAIT)) {
        sayStopped(out);
        err.flush();
        Runtime.getRuntime().halt(ExitCodes.OK);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
