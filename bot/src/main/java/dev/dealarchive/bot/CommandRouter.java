package dev.dealarchive.bot;

import java.io.IOException;
import java.util.Optional;

/**
 * The one place an {@code /archive} command becomes its reply, for Slack and the console alike. Transports only
 * deliver what this returns: {@link SlackBot} to the asker or the channel, {@link ConsoleBot} to standard output.
 * Questions and searches typed in a channel with a scope get the scope's filters and say so in a context line.
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
  private final ChannelFeatures channels;

  /** A router without channel features (follows, digests, scopes), as the console runs it. */
  public CommandRouter(ReplyService replies) {
    this(replies, null);
  }

  /**
   * @param channels follows, digests and scopes; {@code null} where there are no channels (the console)
   */
  CommandRouter(ReplyService replies, ChannelFeatures channels) {
    this.replies = replies;
    this.channels = channels;
  }

  /** The replies the router renders with. */
  public ReplyService replies() {
    return replies;
  }

  /**
   * The answer to a question typed in {@code caller}'s channel (a mention, a DM, {@code /archive <question>}): with
   * the channel's scope applied and named in a context line.
   */
  public Reply answer(String question, Caller caller) throws IOException {
    Optional<String> scope = scope(caller);
    if (scope.isEmpty() || question.isBlank() || EverydayMessage.of(question).isPresent()) {
      return replies.ask(question);
    }
    Reply answer = replies.ask(question + " " + scope.get());
    return replies.renderer().withHeader(ChannelRenderer.scopeLine(scope.get()), answer);
  }

  /**
   * {@code shown}, the reply {@link #answer} gave, with the model's written answer above it; asked with the same
   * channel scope. Empty when no model is configured or the text is not a question.
   */
  public Optional<Reply> written(String question, Caller caller, Reply shown) throws IOException {
    if (!replies.writes()) {
      return Optional.empty();
    }
    Optional<String> scope = scope(caller);
    return replies.written(scope.isEmpty() || question.isBlank() ? question : question + " " + scope.get(), shown);
  }

  /**
   * The reply to {@code command}. Slow commands ({@code add}) run here, so call it on a worker thread.
   *
   * @throws IOException when the archive cannot be read; the transport turns it into an apology with an error id
   */
  public Routed route(SlashCommand command, Caller caller) throws IOException {
    ReplyRenderer renderer = replies.renderer();
    boolean console = caller.surface() == Surface.CONSOLE || channels == null;
    return switch (command) {
      case SlashCommand.Ask ask -> console
          ? Routed.toAsker(answer(ask.question(), caller))
          // Private first: the asker sees it and may share it with the channel.
          : Routed.toAsker(renderer.shareable(answer(ask.question(), caller), ask.question()));
      case SlashCommand.Search search -> Routed.toAsker(search(search.query(), caller));
      case SlashCommand.Latest latest -> Routed.toAsker(replies.latest(latest.count()));
      case SlashCommand.Stats stats -> Routed.toAsker(replies.stats());
      case SlashCommand.Add add -> Routed.toAsker(replies.add(add.url()));
      case SlashCommand.Help help -> Routed.toAsker(help.problem() == null
          ? renderer.help()
          : renderer.notice(help.problem() + "\n\n" + renderer.help().text()));
      case SlashCommand.Reindex reindex -> Routed.toAsker(console
          ? renderer.notice("Reindexing runs from Slack or with `archive index`, not from the console.")
          // Slack starts a reindex when the command is acknowledged (SlackBot); a reindex never reaches a worker.
          : renderer.help());
      case SlashCommand.Follow follow -> console ? inSlackOnly("follow")
          : Routed.toAsker(channels.follow(caller.channelId(), follow.query(), caller.userId()));
      case SlashCommand.Following following -> console ? inSlackOnly("following")
          : Routed.toAsker(channels.following(caller.channelId()));
      case SlashCommand.Unfollow unfollow -> console ? inSlackOnly("unfollow")
          : Routed.toAsker(channels.unfollow(caller.channelId(), unfollow.number()));
      case SlashCommand.Digest digest -> console ? inSlackOnly("digest")
          : Routed.toAsker(channels.digest(caller.channelId(), digest, caller.userId()));
      case SlashCommand.Scope scope -> console ? inSlackOnly("scope")
          : Routed.toAsker(channels.scope(caller.channelId(), scope, caller.userId(), caller.admin()));
    };
  }

  private Reply search(String query, Caller caller) throws IOException {
    Optional<String> scope = scope(caller);
    if (scope.isEmpty()) {
      return replies.search(query);
    }
    Reply results = replies.search(query + " " + scope.get());
    return replies.renderer().withHeader(ChannelRenderer.scopeLine(scope.get()), results);
  }

  private Optional<String> scope(Caller caller) {
    return channels == null ? Optional.empty() : channels.scope(caller.channelId());
  }

  private Routed inSlackOnly(String name) {
    return Routed.toAsker(replies.renderer().notice("`/archive " + name + "` works in a Slack channel, where new "
        + "articles can be posted; the console has none."));
  }
}
