package dev.dealarchive.bot;

import java.io.IOException;

/**
 * The one place an {@code /archive} command becomes its reply, for Slack and the console alike. Transports only
 * deliver what this returns: {@link SlackBot} to the asker or the channel, {@link ConsoleBot} to standard output.
 */
public final class CommandRouter {
  /** Who should see a reply. */
  public enum Audience {
    /** Only the person who asked (an ephemeral message in Slack). */
    ASKER,
    /** Everyone in the channel where the command was typed. */
    CHANNEL
  }

  /** Where a command was typed. */
  public enum Surface {
    /** A Slack channel, DM or the App Home. */
    SLACK,
    /** {@code archive bot --console}: no channel, no buttons worth clicking. */
    CONSOLE
  }

  /**
   * Who asks, and where.
   *
   * @param userId the Slack user id, or {@code null} on the console
   * @param channelId the channel the command was typed in, or {@code null} on the console
   * @param admin whether the user is one of {@code ARCHIVE_ADMINS}
   * @param surface Slack or the console
   */
  public record Caller(String userId, String channelId, boolean admin, Surface surface) {
    /** The console's caller: no user, no channel, every command allowed that needs no Slack. */
    public static Caller console() {
      return new Caller(null, null, true, Surface.CONSOLE);
    }
  }

  /**
   * A reply and who should see it.
   *
   * @param reply the message
   * @param audience the asker alone, or the whole channel
   */
  public record Routed(Reply reply, Audience audience) {
    static Routed toAsker(Reply reply) {
      return new Routed(reply, Audience.ASKER);
    }

    static Routed toChannel(Reply reply) {
      return new Routed(reply, Audience.CHANNEL);
    }
  }

  private final ReplyService replies;

  public CommandRouter(ReplyService replies) {
    this.replies = replies;
  }

  /** The replies the router renders with. */
  public ReplyService replies() {
    return replies;
  }

  /**
   * The reply to {@code command}. Slow commands ({@code add}) run here, so call it on a worker thread.
   *
   * @throws IOException when the archive cannot be read; the transport turns it into an apology with an error id
   */
  public Routed route(SlashCommand command, Caller caller) throws IOException {
    ReplyRenderer renderer = replies.renderer();
    return switch (command) {
      case SlashCommand.Ask ask -> caller.surface() == Surface.CONSOLE
          ? Routed.toAsker(replies.ask(ask.question()))
          : Routed.toChannel(renderer.answering(SlackBot.COMMAND, ask.question(), replies.ask(ask.question())));
      case SlashCommand.Search search -> Routed.toAsker(replies.search(search.query()));
      case SlashCommand.Latest latest -> Routed.toAsker(replies.latest(latest.count()));
      case SlashCommand.Stats stats -> Routed.toAsker(replies.stats());
      case SlashCommand.Add add -> Routed.toAsker(replies.add(add.url()));
      case SlashCommand.Help help -> Routed.toAsker(help.problem() == null
          ? renderer.help()
          : renderer.notice(help.problem() + "\n\n" + renderer.help().text()));
      case SlashCommand.Reindex reindex -> Routed.toAsker(caller.surface() == Surface.CONSOLE
          ? renderer.notice("Reindexing runs from Slack or with `archive index`, not from the console.")
          // Slack starts a reindex when the command is acknowledged (SlackBot); a reindex never reaches a worker.
          : renderer.help());
    };
  }
}
