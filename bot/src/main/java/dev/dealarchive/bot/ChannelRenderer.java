package dev.dealarchive.bot;

import dev.dealarchive.channels.Digest;
import dev.dealarchive.channels.Follow;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchResult;
import java.util.List;

/**
 * The messages of a channel's standing requests: followed queries, digests and scopes. Escapes and cuts like
 * {@link ReplyRenderer}, whose helpers it shares.
 */
final class ChannelRenderer {

  /** The new articles matching a followed query: up to {@link PageSizes#NOTIFICATION} listed, the rest counted. */
  Reply followed(Follow follow, List<SearchHit> hits, long total) {
    String head = "New in the archive for `" + ReplyRenderer.echo(follow.query()) + "` (follow #" + follow.number()
        + "):";
    return listing(head, hits, total, "/archive search " + follow.query());
  }

  /** A digest: the articles added in the period, up to {@link PageSizes#NOTIFICATION} listed, the rest counted. */
  Reply digest(Digest digest, SearchResult result) {
    String what = digest.query() == null || digest.query().isBlank()
        ? "" : " matching `" + ReplyRenderer.echo(digest.query()) + "`";
    String head = ("daily".equals(digest.period()) ? "Daily" : "Weekly") + " digest: " + result.total()
        + (result.total() == 1 ? " article" : " articles") + " added" + what + ":";
    return listing(head, result.hits(), result.total(),
        digest.query() == null || digest.query().isBlank() ? "/archive latest 20" : "/archive search " + digest.query());
  }

  private static Reply listing(String head, List<SearchHit> hits, long total, String moreCommand) {
    ReplyRenderer.Blocks blocks = new ReplyRenderer.Blocks();
    StringBuilder text = new StringBuilder(head);
    blocks.section(head);
    List<SearchHit> listed = hits.subList(0, Math.min(hits.size(), PageSizes.NOTIFICATION));
    for (SearchHit hit : listed) {
      blocks.section(ReplyRenderer.hitSection(hit));
      text.append("\n\u2022 ").append(ReplyRenderer.citation(hit));
    }
    if (total > listed.size()) {
      String more = "\u2026and " + (total - listed.size()) + " more: `" + ReplyRenderer.echo(moreCommand) + "`";
      blocks.context(more);
      text.append('\n').append(more);
    }
    return new Reply(text.toString(), blocks.list());
  }

  /** The answer to {@code /archive follow}. */
  Reply followStarted(Follow follow, boolean created, String userId) {
    String body = created
        ? "<@" + userId + "> followed `" + ReplyRenderer.echo(follow.query()) + "` here (#" + follow.number()
            + "). New matching articles will be posted in this channel within a minute of being indexed."
        : "This channel already follows `" + ReplyRenderer.echo(follow.query()) + "` (#" + follow.number() + ").";
    return notice(body);
  }

  /** The channel's followed queries, numbered. */
  Reply following(List<Follow> follows) {
    if (follows.isEmpty()) {
      return notice("This channel follows no queries. Start with `/archive follow <query>`.");
    }
    StringBuilder body = new StringBuilder("This channel follows:");
    for (Follow follow : follows) {
      body.append("\n").append(follow.number()).append(". `").append(ReplyRenderer.echo(follow.query()))
          .append("` (by <@").append(follow.user()).append(">)");
    }
    body.append("\nStop one with `/archive unfollow <number>`.");
    return notice(body.toString());
  }

  /** The answer to {@code /archive unfollow}. */
  Reply unfollowed(int number, Follow removed) {
    return notice(removed == null
        ? "This channel has no followed query #" + number + "; `/archive following` lists them."
        : "Stopped following `" + ReplyRenderer.echo(removed.query()) + "` (#" + number + ").");
  }

  /** The answer to {@code /archive digest}. */
  Reply digestSet(Digest digest, String zone) {
    String what = digest.query().isBlank() ? "all articles" : "articles matching `"
        + ReplyRenderer.echo(digest.query()) + "`";
    String when = "daily".equals(digest.period()) ? "every day at 09:00" : "every Monday at 09:00";
    return notice("This channel gets a " + digest.period() + " digest of " + what + " added to the archive, "
        + when + " (" + ReplyRenderer.echo(zone) + "). Stop it with `/archive digest off`.");
  }

  /** The answer to {@code /archive digest off}. */
  Reply digestOff(boolean removed) {
    return notice(removed ? "Digests for this channel are off." : "This channel has no digest.");
  }

  /** The context line that tells a reply was limited to the channel's scope. */
  static String scopeLine(String filters) {
    return "Channel scope: `" + ReplyRenderer.echo(filters) + "`";
  }

  private static Reply notice(String mrkdwn) {
    ReplyRenderer.Blocks blocks = new ReplyRenderer.Blocks();
    blocks.section(mrkdwn);
    return new Reply(mrkdwn, blocks.list());
  }
}
