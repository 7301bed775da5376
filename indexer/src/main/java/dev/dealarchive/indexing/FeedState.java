package dev.dealarchive.indexing;

import java.util.List;

/**
 * What is known about one polled feed, kept in {@value FeedStates#FILE_NAME} beside the index.
 *
 * @param url the feed's url
 * @param etag the {@code ETag} of the last response whose entries are committed, or null
 * @param lastModified the {@code Last-Modified} of that response, or null
 * @param lastPoll when the feed was last polled (ISO-8601), or null
 * @param lastSuccess when a poll last succeeded (ISO-8601), or null
 * @param lastError the last poll's error, or null when it succeeded
 * @param articles entries stored from the feed so far
 * @param followed ids of summary-only entries whose page was fetched and stored, newest last
 */
public record FeedState(
    String url,
    String etag,
    String lastModified,
    String lastPoll,
    String lastSuccess,
    String lastError,
    long articles,
    List<String> followed) {
  public FeedState {
    followed = followed == null ? List.of() : List.copyOf(followed);
  }

  /** The state of a feed never polled. */
  static FeedState unpolled(String url) {
    return new FeedState(url, null, null, null, null, null, 0, List.of());
  }
}
