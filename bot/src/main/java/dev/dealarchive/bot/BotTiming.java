package dev.dealarchive.bot;

import java.time.Clock;
import java.time.Duration;

/**
 * The bot's sense of time, injectable so tests can move a clock instead of waiting: when digests are due, how long a
 * DM conversation lasts, and how often the index is checked for new articles.
 *
 * @param clock the current time
 * @param pollInterval how often new articles are looked for (and digests checked)
 * @param conversationWindow how long after an answer a DM message is read as a follow-up
 */
public record BotTiming(Clock clock, Duration pollInterval, Duration conversationWindow) {
  /** The system clock, a look every 5 seconds (well within the minute a follow promises), 15-minute DM follow-ups. */
  public static BotTiming standard() {
    return new BotTiming(Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofMinutes(15));
  }
}
