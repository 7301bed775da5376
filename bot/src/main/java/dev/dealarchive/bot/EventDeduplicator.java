package dev.dealarchive.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the ids of recently handled Slack deliveries so a retry or a redelivered envelope is not answered
 * twice. Memory is bounded both by time (entries older than the window are forgotten) and by count.
 */
public final class EventDeduplicator {
  private final Clock clock;
  private final long windowMillis;
  private final int maxEntries;
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  /**
   * @param window how long an id is remembered; Slack retries within minutes, so an hour is ample
   * @param maxEntries most ids remembered; the oldest are forgotten first
   */
  public EventDeduplicator(Duration window, int maxEntries, Clock clock) {
    this.clock = clock;
    this.windowMillis = window.toMillis();
    this.maxEntries = maxEntries;
  }

  /** One hour, 100,000 ids. */
  public static EventDeduplicator standard() {
    return new EventDeduplicator(Duration.ofHours(1), 100_000, Clock.systemUTC());
  }

  /**
   * Records {@code id} and tells whether it is new. A {@code null} or empty id cannot be deduplicated and counts as
   * new.
   *
   * @return true the first time an id is seen within the window
   */
  public synchronized boolean firstTime(String id) {
    if (id == null || id.isEmpty()) {
      return true;
    }
    long now = clock.millis();
    forgetOld(now);
    if (seen.containsKey(id)) {
      return false;
    }
    seen.put(id, now);
    if (seen.size() > maxEntries) {
      Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  private void forgetOld(long now) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue() > windowMillis) {
        it.remove();
      } else {
        break;
      }
    }
  }
}
