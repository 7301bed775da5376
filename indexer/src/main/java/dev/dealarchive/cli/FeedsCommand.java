package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.FeedStates;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive feeds [list | remove URL]}: the feeds an archive follows. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = {
      "List the feeds this index has polled (archive watch --feed URL), or remove one with its articles.",
      "",
      "Examples:",
      "  archive feeds",
      "  archive feeds remove https://news.example/deals.rss"
    },
    subcommands = {FeedsCommand.Remove.class})
public final class FeedsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<FeedState> feeds = IndexFolder.at(location.path()).feedStates().all();
    if (feeds.isEmpty()) {
      out.println("No feeds: `archive watch --feed URL` follows one.");
    }
    for (FeedState feed : feeds) {
      out.printf(Locale.ROOT, "%s%n  last poll %s, %,d articles%s%n", feed.url(),
          feed.lastPoll() == null ? "never" : Rendering.utcSecond(feed.lastPoll()), feed.articles(),
          feed.lastError() == null ? "" : "; last error: " + feed.lastError());
    }
    return ExitCodes.OK;
  }

  /** {@code archive feeds remove URL}. */
  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = {
        "Forget a feed and remove the articles that came from it. A running `archive watch --feed URL` would add",
        "it again: stop it first, or start it without that --feed.",
        "",
        "Example:",
        "  archive feeds remove https://news.example/deals.rss",
        "",
        "Exit status: 0 removed, 2 no such feed, 1 failed (index unchanged)."
      })
  static final class Remove implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin IndexLocation location;

    @Parameters(paramLabel = "URL", description = "The feed's url, as `archive feeds` lists it.")
    String url;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      FeedStates states = IndexFolder.at(location.path()).feedStates();
      boolean known = states.all().stream().anyMatch(feed -> feed.url().equals(url));
      IndexSummary summary;
      try (ArchiveEngine archive = ArchiveEngines.open(location.settings());
          ArchiveWriter writer = archive.openWriter()) {
        summary = writer.remove(url);
      } catch (IndexBusyException e) {
        err.println("archive feeds remove: " + e.getMessage());
        return ExitCodes.FAILED;
      }
      boolean removedState = states.remove(url);
      if (!known && !removedState && summary.deleted() == 0) {
        err.println("archive feeds remove: no feed " + url + " in this index (see `archive feeds`)");
        return ExitCodes.SKIPPED;
      }
      out.printf(Locale.ROOT, "Removed feed %s: %,d %s%n", url, summary.deleted(),
          summary.deleted() == 1 ? "article" : "articles");
      return ExitCodes.OK;
    }
  }
}
