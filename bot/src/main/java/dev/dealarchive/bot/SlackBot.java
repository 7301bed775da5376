package dev.dealarchive.bot;

import com.slack.api.Slack;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: acknowledges every mention, DM, {@code /archive} command and "More results" click at once and
 * answers on a virtual thread named {@code slack-reply-N}. Deliveries Slack repeats (retries, redelivered envelopes)
 * are answered once. {@code /archive add} and {@code /archive reindex} check the asker against the configuration
 * before anything is fetched or indexed.
 *
 * <p>The same app serves HTTP ({@link HttpBotServer}) and Socket Mode ({@link SocketModeBot}).
 */
public final class SlackBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
  /** The slash command the bot answers. */
  public static final String COMMAND = "/archive";
  private static final Set<String> NOT_A_MEMBER = Set.of("not_in_channel", "channel_not_found");

  private final BotConfig config;
  private final Slack slack;
  private final App app;
  private final ReplyService replies;
  private final CommandRouter router;
  private final ReplyRenderer renderer;
  private final SlackPoster poster;
  private final Reindexer reindexer;
  private final EventDeduplicator deduplicator = EventDeduplicator.standard();
  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-reply-", 0).factory());

  private SlackBot(BotConfig config, Slack slack, ArchiveGateway archive, boolean verifyRequests) {
    this.config = config;
    this.slack = slack;
    this.renderer = new ReplyRenderer();
    this.replies = new ReplyService(archive, renderer);
    this.router = new CommandRouter(replies);
    this.poster = SlackPoster.standard(slack, config.botToken());
    this.reindexer = new Reindexer(archive, renderer);
    AppConfig.AppConfigBuilder appConfig = AppConfig.builder()
        .slack(slack)
        .singleTeamBotToken(config.botToken())
        .allEventsApiAutoAckEnabled(true)
        .requestVerificationEnabled(verifyRequests);
    if (verifyRequests) {
      appConfig.signingSecret(config.signingSecret());
    }
    this.app = new App(appConfig.build());
    app.event(AppMentionEvent.class, this::onMention);
    app.event(MessageEvent.class, this::onMessage);
    app.command(COMMAND, this::onCommand);
    app.blockAction(ReplyRenderer.MORE_RESULTS_ACTION, this::onMoreResults);
  }

  /**
   * Builds the bot for the Events API over HTTP: Bolt verifies each request's signature with the signing secret.
   *
   * @param config needs the bot token and the signing secret
   * @param archive the archive to answer from; the caller closes it after this bot
   */
  public static SlackBot forHttp(BotConfig config, ArchiveGateway archive) {
    return new SlackBot(config, SlackClients.create(config), archive, true);
  }

  /**
   * Builds the bot for Socket Mode, where Slack's WebSocket connection itself is authenticated by the app token.
   *
   * @param config needs the bot token and the app token
   * @param archive the archive to answer from; the caller closes it after this bot
   */
  public static SlackBot forSocketMode(BotConfig config, ArchiveGateway archive) {
    return new SlackBot(config, SlackClients.create(config), archive, false);
  }

  /** The Bolt app. */
  public App app() {
    return app;
  }

  /** The configuration. */
  public BotConfig config() {
    return config;
  }

  /** The archive the bot answers from. */
  public ArchiveGateway archive() {
    return replies.archive();
  }

  private Response onMention(EventsApiPayload<AppMentionEvent> payload, EventContext ctx) {
    AppMentionEvent event = payload.getEvent();
    if (event.getBotId() != null || event.getSubtype() != null || !deduplicator.firstTime(eventKey(payload))) {
      return ctx.ack();
    }
    String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
    String question = IncomingText.question(event.getText());
    answerInThread(event.getChannel(), thread, question);
    return ctx.ack();
  }

  private Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    boolean fromPerson = event.getBotId() == null && event.getUser() != null
        && !event.getUser().equals(ctx.getBotUserId());
    if (!"im".equals(event.getChannelType()) || !fromPerson || !deduplicator.firstTime(eventKey(payload))) {
      return ctx.ack();
    }
    answerInThread(event.getChannel(), event.getThreadTs(), IncomingText.question(event.getText()));
    return ctx.ack();
  }

  private void answerInThread(String channel, String threadTs, String question) {
    workers.execute(() -> {
      Reply reply;
      try {
        reply = replies.ask(question);
      } catch (Exception e) {
        reply = FailureReplies.of(renderer, "answering a message in " + channel, e);
      }
      try {
        poster.postMessage(channel, threadTs, reply);
      } catch (SlackPostException e) {
        LOG.warn("answer to a message in {} was not posted: {}", channel, e.error());
      }
    });
  }

  private Response onCommand(SlashCommandRequest request, SlashCommandContext ctx) {
    SlashCommandPayload payload = request.getPayload();
    if (!deduplicator.firstTime("command:" + payload.getTriggerId())) {
      return ctx.ack();
    }
    SlashCommand command = SlashCommand.parse(payload.getText());
    if (command instanceof SlashCommand.Reindex) {
      return ctx.ack(reindex(payload));
    }
    if (command instanceof SlashCommand.Add add) {
      return ctx.ack(add(add, payload));
    }
    workers.execute(() -> runCommand(command, payload));
    return ctx.ack();
  }

  private void runCommand(SlashCommand command, SlashCommandPayload payload) {
    String channel = payload.getChannelId();
    try {
      CommandRouter.Routed routed = router.route(command, caller(payload));
      if (command instanceof SlashCommand.Add add) {
        LOG.info("/archive add by {}: {}", payload.getUserId(), loggable(add.url()));
      }
      switch (routed.audience()) {
        case CHANNEL -> postVisibly(payload, routed.reply());
        case ASKER -> respondPrivately(payload, routed.reply());
      }
    } catch (SlackPostException e) {
      LOG.warn("reply to {} in {} was not posted: {}", COMMAND, channel, e.error());
    } catch (Exception e) {
      try {
        respondPrivately(payload, FailureReplies.of(renderer, "running " + COMMAND + " in " + channel, e));
      } catch (SlackPostException postFailure) {
        LOG.warn("apology was not posted: {}", postFailure.error());
      }
    }
  }

  private CommandRouter.Caller caller(SlashCommandPayload payload) {
    return new CommandRouter.Caller(payload.getUserId(), payload.getChannelId(), config.isAdmin(payload.getUserId()),
        CommandRouter.Surface.SLACK);
  }

  /** Starts a reindex for an admin, refuses anyone else; the return value is the immediate, private answer. */
  private String reindex(SlashCommandPayload payload) {
    if (!config.isAdmin(payload.getUserId())) {
      return "Sorry, only the archive's admins can reindex it. Ask one of them, or use `/archive help` to see "
          + "what else I can do.";
    }
    boolean started = reindexer.start(result -> {
      try {
        postVisibly(payload, result);
      } catch (SlackPostException e) {
        LOG.warn("reindex report was not posted: {}", e.error());
      }
    });
    return started
        ? "Reindexing started; I will post the summary here when it is done."
        : "A reindex I started is still running; I will post its summary when it is done.";
  }

  /**
   * Starts fetching for a user {@code ARCHIVE_ADD} allows, refuses anyone else without fetching; the return value is
   * the immediate, private answer.
   */
  private String add(SlashCommand.Add add, SlashCommandPayload payload) {
    if (!config.mayAdd(payload.getUserId())) {
      return "Sorry, only the archive's admins can add articles. Ask one of them to add it, or use `/archive help` "
          + "to see what else I can do.";
    }
    workers.execute(() -> runCommand(add, payload));
    return renderer.fetching(add.url());
  }

  /** User text for one log line: control characters (forged line breaks) replaced, at most 500 characters. */
  private static String loggable(String text) {
    String line = text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    return line.length() <= 500 ? line : line.substring(0, 500) + "\u2026";
  }

  private Response onMoreResults(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    String value = payload.getActions() == null || payload.getActions().isEmpty()
        ? null : payload.getActions().get(0).getValue();
    Optional<PageToken> token = PageToken.decode(value);
    if (token.isEmpty() || !deduplicator.firstTime("action:" + payload.getTriggerId())) {
      return ctx.ack();
    }
    workers.execute(() -> showPage(payload, token.get()));
    return ctx.ack();
  }

  private void showPage(BlockActionPayload payload, PageToken token) {
    Reply page;
    try {
      page = replies.page(token);
    } catch (Exception e) {
      page = FailureReplies.of(renderer, "paging results", e);
    }
    BlockActionPayload.Container container = payload.getContainer();
    boolean ephemeral = container == null || container.isEphemeral() || container.getMessageTs() == null;
    try {
      if (ephemeral) {
        poster.respond(payload.getResponseUrl(), page, true, true);
      } else {
        poster.update(container.getChannelId(), container.getMessageTs(), page);
      }
    } catch (SlackPostException e) {
      LOG.warn("next page was not shown: {}", e.error());
    }
  }

  /** Posts to the command's channel for everyone; where the bot is no member, answers through the response URL. */
  private void postVisibly(SlashCommandPayload payload, Reply reply) throws SlackPostException {
    try {
      poster.postMessage(payload.getChannelId(), null, reply);
    } catch (SlackPostException e) {
      if (!NOT_A_MEMBER.contains(e.error()) || payload.getResponseUrl() == null) {
        throw e;
      }
      poster.respond(payload.getResponseUrl(), reply, false, false);
    }
  }

  private void respondPrivately(SlashCommandPayload payload, Reply reply) throws SlackPostException {
    if (payload.getResponseUrl() != null) {
      poster.respond(payload.getResponseUrl(), reply, true, false);
    } else {
      poster.postEphemeral(payload.getChannelId(), payload.getUserId(), reply);
    }
  }

  private static String eventKey(EventsApiPayload<?> payload) {
    return payload.getEventId() == null ? null : "event:" + payload.getEventId();
  }

  /** Waits briefly for replies being posted, then stops; closes the Slack client. */
  @Override
  public void close() throws Exception {
    workers.shutdown();
    if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
    try {
      app.stop();
    } finally {
      slack.close();
    }
  }
}
