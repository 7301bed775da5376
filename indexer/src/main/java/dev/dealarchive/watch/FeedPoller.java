package dev.dealarchive.watch;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.fetch.Accept;
import dev.dealarchive.fetch.FetchException;
import dev.dealarchive.fetch.FetchResult;
import dev.dealarchive.fetch.HttpFetcher;
import dev.dealarchive.fetch.PageExtractor;
import dev.dealarchive.fetch.Validators;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.FeedStates;
import dev.dealarchive.read.FeedReader;
import dev.dealarchive.read.InputProblem;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls feeds (RSS and Atom), each on its own interval, with conditional GET ({@code If-None-Match}, {@code
 * If-Modified-Since}) from the validators of the last committed poll. An entry whose text is shorter than {@value
 * #SUMMARY_MAX_CHARS} characters is taken for a summary: its linked page is fetched once and its article text
 * extracted; entries followed before are left out of later polls so the stored page text is kept.
 *
 * <p>Polls run on one named background thread and hand their {@link FeedUpdate}s to a consumer (the writer); this
 * class never writes the index or the feed states.
 */
public final class FeedPoller implements AutoCloseable {
  /** Entries with less text than this are summaries whose page is fetched. */
  public static final int SUMMARY_MAX_CHARS = 1000;
  /** Most pages fetched for summary-only entries in one poll; the rest are followed when the feed next changes. */
  public static final int MAX_PAGES_PER_POLL = 50;

  private final List<FeedSource> feeds;
  private final HttpFetcher fetcher;
  private final PageExtractor extractor;
  private final FeedStates states;
  private final ScheduledExecutorService executor;
  private final Set<FeedSource> unstored = ConcurrentHashMap.newKeySet();

  /**
   * @param feeds the feeds to poll
   * @param fetcher fetches feeds and pages (not closed by this class)
   * @param states the committed state of each feed, read for validators and followed entries
   */
  public FeedPoller(List<FeedSource> feeds, HttpFetcher fetcher, FeedStates states) {
    this.feeds = List.copyOf(feeds);
    this.fetcher = fetcher;
    this.extractor = new PageExtractor(fetcher);
    this.states = states;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "archive-feed-poller");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts polling every feed now and then on its interval, handing each update to {@code updates}. A feed is not
   * polled again until its last update is {@link #stored}, so every poll sends the validators of the last commit.
   */
  public void start(Consumer<FeedUpdate> updates) {
    for (FeedSource feed : feeds) {
      executor.scheduleWithFixedDelay(
          () -> {
            if (unstored.add(feed)) {
              updates.accept(poll(feed));
            }
          },
          0,
          feed.interval().toMillis(),
          TimeUnit.MILLISECONDS);
    }
  }

  /** Says that the last update of {@code feed} is stored (or given up), so the feed may be polled again. */
  public void stored(FeedSource feed) {
    unstored.remove(feed);
  }

  /** Polls one feed now, on the caller's thread; never throws. */
  public FeedUpdate poll(FeedSource feed) {
    Instant started = Instant.now();
    String url = feed.url().toString();
    FeedState state = states.get(url);
    Validators validators = new Validators(state.etag(), state.lastModified());
    try {
      FetchResult result = fetcher.fetch(feed.url(), Accept.FEED, validators);
      if (result.notModified()) {
        return new FeedUpdate(feed, started, true, List.of(), result.validators(), List.of(), null, List.of());
      }
      List<ArticleDraft> entries = FeedReader.fromFeed(result.body(), result.contentType());
      Set<String> followedBefore = new HashSet<>(state.followed());
      List<ArticleDraft> drafts = new ArrayList<>();
      List<String> followed = new ArrayList<>();
      List<String> warnings = new ArrayList<>();
      for (ArticleDraft entry : entries) {
        String id = entry.explicitId() != null ? entry.explicitId() : entry.url();
        boolean summary = entry.url() != null && entry.body().length() < SUMMARY_MAX_CHARS;
        if (!summary || id == null) {
          drafts.add(entry);
        } else if (followedBefore.contains(id)) {
          continue;
        } else if (followed.size() >= MAX_PAGES_PER_POLL || Thread.currentThread().isInterrupted()) {
          drafts.add(entry);
        } else {
          try {
            ArticleDraft page = extractor.extract(result.uri().resolve(entry.url()));
            drafts.add(merge(entry, page));
            followed.add(id);
          } catch (FetchException | IllegalArgumentException e) {
            drafts.add(entry);
            warnings.add(entry.url() + ": " + e.getMessage());
          }
        }
      }
      return new FeedUpdate(feed, started, false, drafts, result.validators(), followed, null, warnings);
    } catch (FetchException e) {
      return FeedUpdate.failed(feed, started, e.getMessage());
    } catch (InputProblem e) {
      return FeedUpdate.failed(feed, started, "not a readable feed: " + e.reason());
    } catch (RuntimeException e) {
      return FeedUpdate.failed(feed, started, "poll failed: " + e);
    }
  }

  /** The feed entry, with the page's text when it is longer than the summary, and what the entry lacks. */
  static ArticleDraft merge(ArticleDraft entry, ArticleDraft page) {
    return new ArticleDraft(
        entry.explicitId(),
        entry.title().isEmpty() ? page.title() : entry.title(),
        page.body().length() > entry.body().length() ? page.body() : entry.body(),
        entry.published() != null ? entry.published() : page.published(),
        entry.source().isEmpty() ? page.source() : entry.source(),
        entry.url(),
        entry.authors().isEmpty() ? page.authors() : entry.authors(),
        entry.tags().isEmpty() ? page.tags() : entry.tags(),
        entry.line());
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
