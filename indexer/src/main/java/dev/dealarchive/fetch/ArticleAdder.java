package dev.dealarchive.fetch;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds one article page to the archive: checks the url, fetches the page, extracts its article, stores it and says
 * what was stored or why nothing was. This is the API behind {@code archive add URL} and the bot's {@code /archive add}.
 *
 * <p>{@code engine.IndexFolder#adder} opens the index for writing for each add. When another process holds the write lock (a
 * running {@code archive watch}), the extracted article is queued in the index folder ({@link PendingAdds}) and the
 * watcher stores it within seconds; the result is then {@link AddResult.Status#QUEUED}. Thread-safe when its store
 * is; {@link #add} never throws.
 */
public final class ArticleAdder implements AutoCloseable {
  /** Stores the drafts of one origin and commits; an index writer's {@code indexDrafts} fits. */
  @FunctionalInterface
  public interface Store {
    /** Stores {@code drafts} under {@code origin} and commits. */
    IndexSummary store(String origin, List<ArticleDraft> drafts) throws IOException;
  }

  private final HttpFetcher fetcher;
  private final PageExtractor extractor;
  private final Store store;
  private final Path queueIndexDir;

  private ArticleAdder(HttpFetcher fetcher, Store store, Path queueIndexDir) {
    this.fetcher = fetcher;
    this.extractor = new PageExtractor(fetcher);
    this.store = store;
    this.queueIndexDir = queueIndexDir;
  }

  /**
   * An adder storing through {@code store}; when the store reports the index busy ({@link IndexBusyException}), the
   * article is queued in {@code indexDir}'s queue for the writer that holds it.
   */
  public static ArticleAdder queueingWhenBusy(FetchOptions options, Store store, Path indexDir) {
    return new ArticleAdder(new HttpFetcher(options), store, indexDir);
  }

  /** An adder storing through {@code store}, such as an open index writer's {@code indexDrafts}; never queues. */
  public static ArticleAdder withStore(FetchOptions options, Store store) {
    return new ArticleAdder(new HttpFetcher(options), store, null);
  }

  /** Adds the page at {@code url} as typed by a user (Slack's {@code <url>} and {@code <url|label>} accepted). */
  public AddResult add(String url) {
    URI uri;
    try {
      uri = fetcher.guard().check(url);
    } catch (FetchException e) {
      return refused(url, e);
    }
    return add(uri);
  }

  /** Adds the page at {@code url}. */
  public AddResult add(URI url) {
    ArticleDraft draft;
    try {
      draft = extractor.extract(url);
    } catch (FetchException e) {
      return refused(url.toString(), e);
    }
    String origin = draft.url();
    IndexSummary summary;
    try {
      summary = store.store(origin, List.of(draft));
    } catch (IndexBusyException busy) {
      if (queueIndexDir == null) {
        return failed(url.toString(), busy.getMessage());
      }
      try {
        PendingAdds.enqueue(queueIndexDir, origin, draft);
      } catch (IOException e) {
        return failed(url.toString(), "the index is busy and the article could not be queued: " + e.getMessage());
      }
      return stored(AddResult.Status.QUEUED, url, draft);
    } catch (IOException | RuntimeException e) {
      return failed(url.toString(), "the index could not be written: " + e.getMessage());
    }
    if (summary.added() > 0) {
      return stored(AddResult.Status.ADDED, url, draft);
    }
    if (summary.updated() > 0) {
      return stored(AddResult.Status.UPDATED, url, draft);
    }
    if (!summary.duplicateReports().isEmpty()) {
      return new AddResult(
          AddResult.Status.DUPLICATE, url.toString(), null, draft.title(), draft.source(), draft.published(), null,
          summary.duplicateReports().get(0).reason());
    }
    if (!summary.skipped().isEmpty()) {
      return failed(url.toString(), summary.skipped().get(0).reason());
    }
    return stored(AddResult.Status.UNCHANGED, url, draft);
  }

  private static AddResult stored(AddResult.Status status, URI url, ArticleDraft draft) {
    String id = draft.explicitId() != null ? draft.explicitId() : draft.url();
    return new AddResult(status, url.toString(), id, draft.title(), draft.source(), draft.published(), null, null);
  }

  private static AddResult refused(String url, FetchException e) {
    return new AddResult(AddResult.Status.REFUSED, url, null, null, null, null, e.reason(), e.getMessage());
  }

  private static AddResult failed(String url, String reason) {
    return new AddResult(AddResult.Status.FAILED, url, null, null, null, null, null, reason);
  }

  @Override
  public void close() {
    fetcher.close();
  }
}
