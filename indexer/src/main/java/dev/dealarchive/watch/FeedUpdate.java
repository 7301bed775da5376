package dev.dealarchive.watch;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.fetch.Validators;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one poll of a feed, to be stored by the writer.
 *
 * @param feed the feed polled
 * @param polledAt when the poll started
 * @param notModified true when the server answered {@code 304 Not Modified}
 * @param drafts the entries to store (summary-only entries with their page's text); empty when not modified or failed
 * @param validators the validators to send next time, once {@code drafts} are committed
 * @param followed ids of summary-only entries whose page was fetched in this poll
 * @param error why the poll failed, or null
 * @param warnings pages of summary-only entries that could not be fetched (the summary is stored instead)
 */
public record FeedUpdate(
    FeedSource feed,
    Instant polledAt,
    boolean notModified,
    List<ArticleDraft> drafts,
    Validators validators,
    List<String> followed,
    String error,
    List<String> warnings) {
  public FeedUpdate {
    drafts = List.copyOf(drafts);
    followed = List.copyOf(followed);
    warnings = List.copyOf(warnings);
  }

  static FeedUpdate failed(FeedSource feed, Instant polledAt, String error) {
    return new FeedUpdate(feed, polledAt, false, List.of(), null, List.of(), error, List.of());
  }
}
