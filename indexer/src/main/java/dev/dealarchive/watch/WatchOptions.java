package dev.dealarchive.watch;

import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.read.ReadOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@link Watcher} watches and how.
 *
 * @param folders folders whose files are kept in the index
 * @param feeds feeds to poll
 * @param quietPeriod how long a file must stay unchanged before it is indexed (so half-written files are not)
 * @param rescanInterval how often the folders are walked in full, to catch missed events
 * @param maxBatchFiles most changed files committed in one batch
 * @param fetch limits and address rules for feeds and their pages
 * @param index indexing options of each batch
 */
public record WatchOptions(
    List<Path> folders,
    List<FeedSource> feeds,
    Duration quietPeriod,
    Duration rescanInterval,
    int maxBatchFiles,
    FetchOptions fetch,
    IndexOptions index) {
  /** Default quiet period: 500 ms. */
  public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofMillis(500);
  /** Default rescan interval: 60 s. */
  public static final Duration DEFAULT_RESCAN_INTERVAL = Duration.ofSeconds(60);
  /** Default batch size: 500 files. */
  public static final int DEFAULT_MAX_BATCH_FILES = 500;

  public WatchOptions {
    folders = List.copyOf(folders);
    feeds = List.copyOf(feeds);
    if (maxBatchFiles < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + maxBatchFiles);
    }
    fetch = fetch == null ? FetchOptions.defaults() : fetch;
    index = index == null ? new IndexOptions(ReadOptions.defaults(), 1, false) : index;
  }

  /** Default timings for these folders and feeds. */
  public static WatchOptions of(List<Path> folders, List<FeedSource> feeds) {
    return new WatchOptions(
        folders, feeds, DEFAULT_QUIET_PERIOD, DEFAULT_RESCAN_INTERVAL, DEFAULT_MAX_BATCH_FILES, null, null);
  }

  /** These options with other fetch rules. */
  public WatchOptions withFetch(FetchOptions options) {
    return new WatchOptions(folders, feeds, quietPeriod, rescanInterval, maxBatchFiles, options, index);
  }

  /** These options with another quiet period and rescan interval. */
  public WatchOptions withTimings(Duration quiet, Duration rescan) {
    return new WatchOptions(folders, feeds, quiet, rescan, maxBatchFiles, fetch, index);
  }
}
