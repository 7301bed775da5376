package dev.dealarchive.watch;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.fetch.HttpFetcher;
import dev.dealarchive.fetch.PendingAdds;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.FeedStates;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one writer of {@code archive watch}: holds the index's write lock for its lifetime and commits, in small
 * batches, the files that settled in the watched folders, the entries of polled feeds, and pages queued by {@code
 * archive add} while it runs ({@link PendingAdds}).
 *
 * <p>On start it syncs the folders as {@code archive index} does, catching up on what changed while it was not
 * running. Each batch commits before its bookkeeping (file manifest, feed validators, queue files) is saved, so a
 * crash at any moment costs at most a re-read, never an article. {@link #stop} lets the current batch finish and
 * commit; {@link #run} then closes everything and returns.
 */
public final class Watcher implements AutoCloseable {
  private static final Duration TICK = Duration.ofMillis(100);

  private final Path indexDir;
  private final WatchOptions options;
  private final Consumer<BatchReport> reports;
  private final FolderWatcher folders;
  private final HttpFetcher fetcher;
  private final FeedStates feedStates;
  private final FeedPoller poller;
  private final BlockingQueue<FeedUpdate> feedUpdates = new LinkedBlockingQueue<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final ArchiveEngine engine;
  private ArchiveWriter indexer;
  private volatile boolean stopRequested;
  private volatile boolean running;

  private Watcher(
      ArchiveEngine engine, Path indexDir, WatchOptions options, Consumer<BatchReport> reports, ArchiveWriter indexer)
      throws IOException {
    this.engine = engine;
    this.indexDir = indexDir;
    this.options = options;
    this.reports = reports;
    this.indexer = indexer;
    this.folders =
        new FolderWatcher(options.folders(), indexDir, options.quietPeriod(), options.rescanInterval());
    this.fetcher = new HttpFetcher(options.fetch());
    this.feedStates = IndexFolder.at(indexDir).feedStates();
    this.poller = new FeedPoller(options.feeds(), fetcher, feedStates);
  }

  /**
   * Opens the index for writing and starts watching the folders (events are collected from now on); call {@link
   * #run} to process them.
   *
   * @throws dev.dealarchive.indexing.IndexBusyException when another process writes the index
   */
  public static Watcher open(Path indexDir, WatchOptions options, Consumer<BatchReport> reports) throws IOException {
    return open(EmbeddedEngine.open(indexDir), indexDir, options, reports);
  }

  /**
   * Opens a write session of {@code engine} and starts watching the folders (events are collected from now on); call
   * {@link #run} to process them. The watcher owns {@code engine} and closes it when it finishes.
   *
   * @param indexDir the index folder: never watched as input, and where feed state is kept
   * @throws dev.dealarchive.indexing.IndexBusyException when another process writes the archive
   */
  public static Watcher open(ArchiveEngine engine, Path indexDir, WatchOptions options, Consumer<BatchReport> reports)
      throws IOException {
    try {
      ArchiveWriter indexer = engine.openWriter();
      try {
        return new Watcher(engine, indexDir, options, reports, indexer);
      } catch (IOException | RuntimeException e) {
        indexer.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The feed states, as committed so far. */
  public FeedStates feedStates() {
    return feedStates;
  }

  /**
   * Syncs the folders, then processes changes until {@link #stop} is called (or the thread is interrupted), then
   * closes the index. Call once.
   *
   * @throws IOException when the index cannot be written or reopened after a failed batch
   */
  public void run() throws IOException {
    running = true;
    try {
      if (!options.folders().isEmpty()) {
        IndexSummary summary = indexer.index(options.folders(), options.index(), IndexProgress.NONE);
        reports.accept(BatchReport.of("startup sync", summary, 0));
      }
      poller.start(feedUpdates::add);
      started.countDown();
      while (!stopRequested && !Thread.currentThread().isInterrupted()) {
        folders.awaitEvents(TICK);
        List<Path> settled = folders.takeSettled(options.maxBatchFiles());
        if (!settled.isEmpty() && !stopRequested) {
          syncFiles(settled);
        }
        FeedUpdate update;
        while (!stopRequested && (update = feedUpdates.poll()) != null) {
          try {
            storeFeed(update);
          } finally {
            poller.stored(update.feed());
          }
        }
        if (!stopRequested) {
          storePendingAdds();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      started.countDown();
      closeResources();
      running = false;
      finished.countDown();
    }
  }

  /**
   * Starts {@link #run} on a new thread with the given name and returns that thread; a failure of the run ends the
   * thread with an {@link UncheckedIOException}.
   */
  public Thread runInBackground(String threadName) {
    Thread thread =
        new Thread(
            () -> {
              try {
                run();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            threadName);
    thread.start();
    return thread;
  }

  /** Asks {@link #run} to finish its current batch and return; does not wait. */
  public void stop() {
    stopRequested = true;
  }

  /** True while {@link #run} has not returned. */
  public boolean isRunning() {
    return running;
  }

  /** Waits until the startup sync is done and polling has begun; false on timeout. */
  public boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until {@link #run} has committed, closed the index and returned; false on timeout. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void syncFiles(List<Path> settled) throws IOException {
    try {
      IndexSummary summary = indexer.indexChanges(settled, options.index(), IndexProgress.NONE);
      if (summary.changedAnything() || !summary.skipped().isEmpty()) {
        reports.accept(BatchReport.of("files", summary, settled.size()));
      }
    } catch (IOException | RuntimeException e) {
      reports.accept(BatchReport.failed("files", describe(e), settled.size()));
      folders.retry(settled);
      reopen();
    }
  }

  private void storeFeed(FeedUpdate update) throws IOException {
    String url = update.feed().url().toString();
    String what = "feed " + url;
    Instant polled = update.polledAt();
    if (update.error() != null) {
      reports.accept(BatchReport.failed(what, update.error(), 0));
      feedStates.update(url, s -> new FeedState(
          url, s.etag(), s.lastModified(), polled.toString(), s.lastSuccess(), update.error(), s.articles(), s.followed()));
      return;
    }
    IndexSummary summary = null;
    if (!update.notModified()) {
      try {
        summary = indexer.indexDrafts(url, update.drafts());
      } catch (IOException | RuntimeException e) {
        reports.accept(BatchReport.failed(what, describe(e), 0));
        feedStates.update(url, s -> new FeedState(
            url, s.etag(), s.lastModified(), polled.toString(), s.lastSuccess(), describe(e), s.articles(), s.followed()));
        reopen();
        return;
      }
      if (summary.changedAnything() || !update.warnings().isEmpty()) {
        reports.accept(BatchReport.of(what, summary, 0));
      }
    }
    long added = summary == null ? 0 : summary.added();
    String warning = update.warnings().isEmpty() ? null : "pages not fetched, summaries stored: " + update.warnings();
    feedStates.update(url, s -> new FeedState(
        url,
        update.validators().etag(),
        update.validators().lastModified(),
        polled.toString(),
        polled.toString(),
        warning,
        s.articles() + added,
        followed(s.followed(), update.followed())));
  }

  private void storePendingAdds() throws IOException {
    try {
      List<IndexSummary> summaries = indexer.storeQueuedAdds();
      for (IndexSummary summary : summaries) {
        reports.accept(BatchReport.of("added page", summary, 0));
      }
    } catch (IOException | RuntimeException e) {
      reports.accept(BatchReport.failed("added page", describe(e), 0));
      reopen();
    }
  }

  private static List<String> followed(List<String> before, List<String> now) {
    LinkedHashSet<String> all = new LinkedHashSet<>(before);
    all.addAll(now);
    List<String> list = new ArrayList<>(all);
    int keep = 5_000;
    return list.size() > keep ? list.subList(list.size() - keep, list.size()) : list;
  }

  /** A failed batch rolled back and closed the writer: open it again, from the last commit. */
  private void reopen() throws IOException {
    indexer.close();
    indexer = engine.openWriter();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void closeResources() throws IOException {
    poller.close();
    fetcher.close();
    try {
      folders.close();
    } finally {
      try {
        indexer.close();
      } finally {
        engine.close();
      }
    }
  }

  /** Stops the loop and waits (up to 30 s) for it to commit and close; closes everything if it never ran. */
  @Override
  public void close() throws IOException {
    stop();
    if (running) {
      try {
        awaitFinished(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (finished.getCount() > 0) {
      closeResources();
      finished.countDown();
    }
  }
}
