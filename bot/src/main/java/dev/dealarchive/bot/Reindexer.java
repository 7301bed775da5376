package dev.dealarchive.bot;

import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexSummary;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code /archive reindex} in the background, one run at a time, and hands the outcome as a reply to whoever
 * asked.
 */
public final class Reindexer {
  private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

  private final ArchiveGateway archive;
  private final ReplyRenderer renderer;
  private final AtomicBoolean running = new AtomicBoolean();

  public Reindexer(ArchiveGateway archive, ReplyRenderer renderer) {
    this.archive = archive;
    this.renderer = renderer;
  }

  /**
   * Starts a run on a thread named {@code archive-reindex}.
   *
   * @param report receives the summary, the polite refusal when another run holds the index, or an apology; called
   *     on the reindex thread
   * @return false, without starting, when a run of this bot is still going
   */
  public boolean start(Consumer<Reply> report) {
    if (!running.compareAndSet(false, true)) {
      return false;
    }
    Thread.ofVirtual().name("archive-reindex").start(() -> {
      try {
        report.accept(run());
      } finally {
        running.set(false);
      }
    });
    return true;
  }

  /** Whether a run is going on. */
  public boolean isRunning() {
    return running.get();
  }

  private Reply run() {
    try {
      IndexSummary summary = archive.reindex();
      LOG.info("reindex done: {} added, {} updated, {} deleted", summary.added(), summary.updated(),
          summary.deleted());
      return renderer.reindexed(summary);
    } catch (IndexBusyException e) {
      return renderer.notice(
          "The archive is being updated by another indexing run right now, so I did not start a second one. "
              + "Please try again when it has finished.");
    } catch (IllegalStateException e) {
      // The index was built from no recorded inputs (articles added one by one), so there is nothing to re-sync.
      return renderer.notice("This index records no input files or folders to re-sync; run `archive index` with "
          + "the files or folders to index instead.");
    } catch (Exception e) {
      return renderer.apology(Incidents.record("reindexing", e));
    }
  }
}
