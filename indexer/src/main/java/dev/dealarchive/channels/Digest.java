package dev.dealarchive.channels;

/**
 * A channel's digest: the articles added in each period, posted at a fixed local time.
 *
 * @param channel the channel id
 * @param period {@code daily} or {@code weekly}
 * @param query only articles matching it, in the search query language; empty for every article
 * @param user who set it up
 * @param created when, ISO-8601
 * @param lastSent the end of the last period posted, ISO-8601; {@code null} before the first
 */
public record Digest(String channel, String period, String query, String user, String created, String lastSent) {
  /** The same digest with the last period posted ending at {@code sent}. */
  public Digest sentUntil(String sent) {
    return new Digest(channel, period, query, user, created, sent);
  }
}
