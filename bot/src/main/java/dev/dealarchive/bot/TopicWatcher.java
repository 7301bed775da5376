package dev.dealarchive.bot;

import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.channels.Digest;
import dev.dealarchive.channels.Follow;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells channels about new articles: each look ({@link BotTiming#pollInterval}, on the thread
 * {@code archive-follows}) finds the articles no earlier look saw, whichever process committed them, posts those
 * matching each followed query to its channel in one message, records them as seen, and posts the digests that are
 * due. The first look after a start therefore posts what was committed while the bot was down, once.
 *
 * <p>Matching runs the followed query against the index, restricted to the new articles, with every word required
 * (the same analysis and filters as {@code /archive search}). Lucene's {@code lucene-monitor} would match new
 * documents against stored queries instead; it pays off for thousands of stored queries, while a workspace follows
 * tens, and it would need the documents re-analysed in memory with a copy of the schema's analyzers. Querying the
 * committed index keeps one definition of "matches" and reads the best passage from the stored text.
 */
final class TopicWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWatcher.class);
  private static final LocalTime DIGEST_TIME = LocalTime.of(9, 0);

  /** Posts a message to a channel; the bot's poster in production. */
  @FunctionalInterface
  interface ChannelPoster {
    void post(String channel, Reply reply) throws SlackPostException;
  }

  private final ArchiveGateway archive;
  private final ChannelSettings settings;
  private final SeenArticles seen;
  private final ChannelPoster poster;
  private final ChannelRenderer renderer;
  private final BotTiming timing;
  private final ZoneId zone;
  private final ScheduledExecutorService looks = Executors.newSingleThreadScheduledExecutor(
      runnable -> Thread.ofPlatform().name("archive-follows").daemon(true).unstarted(runnable));

  TopicWatcher(ArchiveGateway archive, ChannelSettings settings, SeenArticles seen, ChannelPoster poster,
      ChannelRenderer renderer, BotTiming timing, ZoneId zone) {
    this.archive = archive;
    this.settings = settings;
    this.seen = seen;
    this.poster = poster;
    this.renderer = renderer;
    this.timing = timing;
    this.zone = zone;
  }

  /** Starts looking at once, then every {@link BotTiming#pollInterval}. */
  void start() {
    long every = timing.pollInterval().toMillis();
    looks.scheduleWithFixedDelay(this::lookQuietly, 0, every, TimeUnit.MILLISECONDS);
  }

  private void lookQuietly() {
    try {
      look();
    } catch (Exception e) {
      // No index yet, or a read failed: the next look tries again.
      LOG.debug("looking for new articles failed: {}", e.toString());
    }
  }

  /** One look: new articles to followers, then due digests (those whose 09:00 passed since they were last sent). */
  synchronized void look() throws IOException {
    notifyFollowers();
    postDueDigests();
  }

  /**
   * Follows {@code query} in {@code channel} from now on: first settles the articles already committed (they are not
   * new to this follow), then stores it.
   */
  synchronized ChannelSettings.Added follow(String channel, String query, String user) throws IOException {
    try {
      notifyFollowers();
    } catch (IOException e) {
      LOG.debug("settling new articles before a follow failed: {}", e.toString());
    }
    return settings.follow(channel, query, user, timing.clock().instant());
  }

  private void notifyFollowers() throws IOException {
    if (!seen.exists()) {
      // First look at this index: everything already there predates the bot.
      seen.record(archive.articleIdsExcept(id -> false), Instant.EPOCH);
      return;
    }
    List<String> fresh = archive.articleIdsExcept(seen::contains);
    if (fresh.isEmpty()) {
      return;
    }
    Set<String> postedTo = new HashSet<>();
    for (Follow follow : settings.follows()) {
      SearchResult matches;
      try {
        // A bulk load can bring thousands of matches; only the listed ones need their passage read.
        matches = archive.searchAmong(follow.query(), fresh, 2 * PageSizes.NOTIFICATION);
      } catch (IOException | RuntimeException e) {
        // One bad query (or one failed read) must not hold back the other follows or re-post their articles.
        LOG.warn("followed query #{} in {} could not be run: {}", follow.number(), follow.channel(), e.toString());
        continue;
      }
      // An article matching two follows of one channel is listed once, under the first.
      var unposted = matches.hits().stream().filter(h -> postedTo.add(follow.channel() + "\u0000" + h.id())).toList();
      if (unposted.isEmpty()) {
        continue;
      }
      long total = matches.total() - (matches.hits().size() - unposted.size());
      try {
        poster.post(follow.channel(), renderer.followed(follow, unposted, total));
      } catch (SlackPostException e) {
        LOG.warn("new articles for follow #{} were not posted in {}: {}", follow.number(), follow.channel(),
            e.error());
      }
    }
    seen.record(fresh, timing.clock().instant());
    LOG.info("{} new articles seen", fresh.size());
  }

  private void postDueDigests() throws IOException {
    Instant now = timing.clock().instant();
    for (Digest digest : settings.digests()) {
      Instant after = Instant.parse(digest.lastSent() != null ? digest.lastSent() : digest.created());
      Instant due = latestDue(digest.period(), now);
      if (!due.isAfter(after)) {
        continue;
      }
      // Everything since the last digest (or since the period the digest was set up in): a bot that was down over
      // several digest times posts one digest covering them all.
      Instant from = digest.lastSent() != null ? after : latestDue(digest.period(), after);
      List<String> added = seen.seenBetween(from, due);
      SearchResult result = archive.searchAmong(digest.query(), added, PageSizes.NOTIFICATION);
      if (result.total() > 0) {
        try {
          poster.post(digest.channel(), renderer.digest(digest, result));
        } catch (SlackPostException e) {
          LOG.warn("digest was not posted in {}: {}", digest.channel(), e.error());
          continue;
        }
      }
      settings.digestSent(digest.channel(), due.toString());
    }
  }

  /** The latest digest time (09:00 local; Mondays for weekly) at or before {@code now}. */
  Instant latestDue(String period, Instant now) {
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime due = local.with(DIGEST_TIME);
    if ("weekly".equals(period)) {
      due = due.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
    if (due.isAfter(local)) {
      due = "weekly".equals(period) ? due.minusWeeks(1) : due.minusDays(1);
    }
    return due.toInstant();
  }

  /**
   * Lets a look under way finish (so what it posted is recorded as seen and not posted again after a restart), then
   * stops; a look stuck for 10 seconds is interrupted.
   */
  @Override
  public void close() {
    looks.shutdown();
    try {
      if (!looks.awaitTermination(10, TimeUnit.SECONDS)) {
        looks.shutdownNow();
      }
    } catch (InterruptedException e) {
      looks.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
