package dev.dealarchive.bot;

import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.channels.Digest;
import dev.dealarchive.channels.Scope;
import dev.dealarchive.search.ParsedQuery;
import dev.dealarchive.search.QueryLanguage;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A channel's standing requests as commands: follow, following, unfollow, digest and scope. Changes are stored in the
 * index folder's {@link ChannelSettings} before the reply says they were made.
 */
final class ChannelFeatures {
  private final ChannelSettings settings;
  private final TopicWatcher watcher;
  private final ChannelRenderer renderer = new ChannelRenderer();
  private final BotTiming timing;
  private final ZoneId zone;

  ChannelFeatures(ChannelSettings settings, TopicWatcher watcher, BotTiming timing, ZoneId zone) {
    this.settings = settings;
    this.watcher = watcher;
    this.timing = timing;
    this.zone = zone;
  }

  ChannelSettings settings() {
    return settings;
  }

  /** The filters every question and search in {@code channel} gets, if an admin set them. */
  Optional<String> scope(String channel) {
    return channel == null ? Optional.empty() : settings.scope(channel).map(Scope::filters);
  }

  Reply follow(String channel, String query, String user) throws IOException {
    ParsedQuery parsed = QueryLanguage.parse(query);
    if (parsed.filtersOnly() && !parsed.hasFilters()) {
      return notice("`" + ReplyRenderer.echo(query) + "` has no words or filters to match; follow a query such as "
          + "`/archive follow OpenAI cloud`.");
    }
    ChannelSettings.Added added = watcher.follow(channel, query, user);
    return renderer.followStarted(added.follow(), added.created(), user);
  }

  Reply following(String channel) {
    return renderer.following(settings.follows(channel));
  }

  Reply unfollow(String channel, int number) throws IOException {
    return renderer.unfollowed(number, settings.unfollow(channel, number).orElse(null));
  }

  Reply digest(String channel, SlashCommand.Digest command, String user) throws IOException {
    if (command.period() == null) {
      return renderer.digestOff(settings.removeDigest(channel));
    }
    Digest digest = new Digest(channel, command.period(), command.query(), user,
        timing.clock().instant().toString(), null);
    settings.setDigest(digest);
    return renderer.digestSet(digest, zone.getId());
  }

  /**
   * Shows, sets or clears the channel's scope; only admins may change it.
   *
   * @param admin whether the caller is one of {@code ARCHIVE_ADMINS}
   */
  Reply scope(String channel, SlashCommand.Scope command, String user, boolean admin) throws IOException {
    if (command.filters() == null) {
      return notice(scope(channel)
          .map(f -> "Questions and searches in this channel are limited to `" + ReplyRenderer.echo(f) + "`.")
          .orElse("This channel has no scope: questions and searches cover the whole archive."));
    }
    if (!admin) {
      return notice("Sorry, only the archive's admins can change a channel's scope. `/archive scope` shows it.");
    }
    if (command.filters().isEmpty()) {
      return notice(settings.clearScope(channel)
          ? "Scope cleared: questions and searches in this channel cover the whole archive again."
          : "This channel had no scope.");
    }
    ParsedQuery parsed = QueryLanguage.parse(command.filters());
    if (!parsed.filtersOnly() || !parsed.hasFilters() || !parsed.excluded().isEmpty()) {
      return notice("A scope takes only filters, such as `/archive scope source:Reuters tag:cloud` "
          + "(`source:`, `tag:`, `after:`, `before:`, `during:`).");
    }
    settings.setScope(new Scope(channel, command.filters(), user, timing.clock().instant().toString()));
    return notice("Questions and searches in this channel are now limited to `"
        + ReplyRenderer.echo(command.filters()) + "`. `/archive scope clear` removes it.");
  }

  private static Reply notice(String mrkdwn) {
    ReplyRenderer.Blocks blocks = new ReplyRenderer.Blocks();
    blocks.section(mrkdwn);
    return new Reply(mrkdwn, blocks.list());
  }
}
