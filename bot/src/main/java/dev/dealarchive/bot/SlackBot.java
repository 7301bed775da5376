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
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import dev.dealarchive.channels.ChannelSettings;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.generate.WrittenAnswers;
import dev.dealarchive.feedback.FeedbackEntry;
import dev.dealarchive.feedback.FeedbackLog;
import dev.dealarchive.feedback.Vote;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: acknowledges every mention, DM, {@code /archive} command, button click and Home tab opening at once
 * and does the work on a virtual thread named {@code slack-reply-N}. Deliveries Slack repeats (retries, redelivered
 * envelopes, double clicks) are handled once. {@code /archive add} and {@code /archive reindex} check the asker
 * against the configuration before anything is fetched or indexed. A {@link TopicWatcher} posts new articles to the
 * channels following them and the digests when due. Every failure reaches the user as a short message with an error
 * id.
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
  private final BotTiming timing;
  private final Conversations conversations;
  private final FeedbackLog feedback;
  private final HomeTab home;
  private final TopicWatcher watcher;
  private final MethodsClient methods;
  private final EventDeduplicator deduplicator;
  private final Clicks clicks;
  private final WrittenAnswers writer;
  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-reply-", 0).factory());

  private SlackBot(BotConfig config, Slack slack, ArchiveGateway archive, boolean verifyRequests, BotTiming timing)
      throws IOException {
    this.config = config;
    this.slack = slack;
    this.timing = timing;
    this.renderer = new ReplyRenderer();
    this.writer = config.llm() == null ? null : new WrittenAnswers(config.llm());
    this.replies = new ReplyService(archive, renderer, writer);
    this.poster = SlackPoster.standard(slack, config.botToken());
    this.methods = slack.methods(config.botToken());
    this.reindexer = new Reindexer(archive, renderer);
    this.clicks = new Clicks(poster, renderer);
    this.deduplicator = new EventDeduplicator(Duration.ofHours(1), 100_000, timing.clock());
    this.conversations = new Conversations(methods, timing);
    IndexFolder folder = IndexFolder.at(config.indexDir());
    this.feedback = folder.feedbackLog();
    ChannelSettings settings = folder.channelSettings();
    SeenArticles seen = SeenArticles.load(folder);
    this.watcher = new TopicWatcher(archive, settings, seen, (channel, reply) -> poster.postMessage(channel, null,
        reply), new ChannelRenderer(), timing, config.timeZone());
    this.router = new CommandRouter(replies, new ChannelFeatures(settings, watcher, timing, config.timeZone()));
    this.home = new HomeTab(archive, seen, settings, renderer);
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
    app.event(AppHomeOpenedEvent.class, this::onHomeOpened);
    app.command(COMMAND, this::onCommand);
    app.blockAction(ReplyRenderer.MORE_RESULTS_ACTION, this::onMoreResults);
    app.blockAction(ReplyRenderer.HELPFUL_ACTION, (request, ctx) -> onFeedback(request, ctx, Vote.HELPFUL));
    app.blockAction(ReplyRenderer.NOT_HELPFUL_ACTION, (request, ctx) -> onFeedback(request, ctx, Vote.NOT_HELPFUL));
    app.blockAction(ReplyRenderer.SHARE_ACTION, this::onShare);
    watcher.start();
  }

  /**
   * Builds the bot for the Events API over HTTP: Bolt verifies each request's signature with the signing secret.
   *
   * @param config needs the bot token and the signing secret
   * @param archive the archive to answer from; the caller closes it after this bot
   * @throws IOException when the channel settings in the index folder exist but cannot be read
   */
  public static SlackBot forHttp(BotConfig config, ArchiveGateway archive) throws IOException {
    return forHttp(config, archive, BotTiming.standard());
  }

  /** Builds the bot for HTTP with its own sense of time (tests move a clock instead of waiting). */
  public static SlackBot forHttp(BotConfig config, ArchiveGateway archive, BotTiming timing) throws IOException {
    return new SlackBot(config, SlackClients.create(config), archive, true, timing);
  }

  /**
   * Builds the bot for Socket Mode, where Slack's WebSocket connection itself is authenticated by the app token.
   *
   * @param config needs the bot token and the app token
   * @param archive the archive to answer from; the caller closes it after this bot
   * @throws IOException when the channel settings in the index folder exist but cannot be read
   */
  public static SlackBot forSocketMode(BotConfig config, ArchiveGateway archive) throws IOException {
    return new SlackBot(config, SlackClients.create(config), archive, false, BotTiming.standard());
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
    String botUser = ctx.getBotUserId();
    workers.execute(() -> answerInThread(event.getChannel(), thread, event.getUser(), question,
        () -> conversations.earlierInThread(event.getChannel(), event.getThreadTs(), event.getTs(), botUser), false));
    return ctx.ack();
  }

  private Response onMessage(EventsApiPayload<MessageEvent> payload, EventContext ctx) {
    MessageEvent event = payload.getEvent();
    boolean fromPerson = event.getBotId() == null && event.getUser() != null
        && !event.getUser().equals(ctx.getBotUserId()) && event.getSubtype() == null;
    if (!"im".equals(event.getChannelType()) || !fromPerson || !deduplicator.firstTime(eventKey(payload))) {
      return ctx.ack();
    }
    String question = IncomingText.question(event.getText());
    workers.execute(() -> answerInThread(event.getChannel(), event.getThreadTs(), event.getUser(), question,
        () -> conversations.earlierInDm(event.getChannel()), true));
    return ctx.ack();
  }

  /** Answers a mention or DM on a worker, reading it with the questions asked before in the conversation. */
  private void answerInThread(String channel, String threadTs, String user, String question,
      Supplier<List<String>> earlier, boolean dm) {
    Reply reply;
    String understood = null;
    try {
      // "thanks" or "help" after an answer is what it says, not a follow-up question.
      boolean everyday = question.isBlank() || EverydayMessage.of(question).isPresent();
      understood = everyday ? question : FollowUps.read(earlier.get(), question);
      reply = router.answer(understood, caller(user, channel));
      if (!understood.equals(question)) {
        reply = renderer.withHeader("Read with the conversation as \u201c" + ReplyRenderer.echo(understood)
            + "\u201d", reply);
      }
      if (dm && !everyday) {
        conversations.answeredInDm(channel, understood);
      }
    } catch (Exception e) {
      reply = FailureReplies.of(renderer, "answering a message in " + channel, e);
      understood = null;
    }
    String ts;
    try {
      ts = poster.postMessage(channel, threadTs, reply);
    } catch (SlackPostException e) {
      LOG.warn("answer to a message in {} was not posted: {}", channel, e.error());
      return;
    }
    if (understood != null && replies.writes()) {
      // The quoted answer is out; the model's cited answer replaces it when it comes, so nobody waits on the model.
      Reply quoted = reply;
      String asked = understood;
      improve(channel, () -> router.written(asked, caller(user, channel), quoted),
          improved -> poster.update(channel, ts, improved));
    }
  }

  /** A reply that replaces one already shown, or nothing. */
  @FunctionalInterface
  private interface Improvement {
    Optional<Reply> reply() throws IOException;
  }

  /** Where a better reply goes: the message it replaces. */
  @FunctionalInterface
  private interface Replacement {
    void show(Reply reply) throws SlackPostException;
  }

  /** Replaces the quoted answer with the written one, when there is one; a failure leaves the quoted answer. */
  private void improve(String channel, Improvement improvement, Replacement replacement) {
    try {
      Optional<Reply> improved = improvement.reply();
      if (improved.isPresent()) {
        replacement.show(improved.get());
      }
    } catch (SlackPostException e) {
      LOG.warn("written answer in {} was not shown: {}", channel, e.error());
    } catch (IOException | RuntimeException e) {
      LOG.warn("written answer in {} failed: {}", channel, e.toString());
    }
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
      CommandRouter.Routed routed = router.route(command, caller(payload.getUserId(), channel));
      if (command instanceof SlashCommand.Add add) {
        LOG.info("/archive add by {}: {}", payload.getUserId(), loggable(add.url()));
      }
      switch (routed.audience()) {
        case CHANNEL -> postVisibly(payload.getChannelId(), payload.getResponseUrl(), routed.reply());
        case ASKER -> respondPrivately(payload, routed.reply());
      }
      if (command instanceof SlashCommand.Ask ask && replies.writes() && payload.getResponseUrl() != null) {
        // The private answer is replaced in place through the response url once the model has written.
        improve(channel, () -> router.written(ask.question(), caller(payload.getUserId(), channel), routed.reply()),
            improved -> poster.respond(payload.getResponseUrl(), improved, true, true));
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

  private CommandRouter.Caller caller(String userId, String channelId) {
    return new CommandRouter.Caller(userId, channelId, config.isAdmin(userId), CommandRouter.Surface.SLACK);
  }

  /** Starts a reindex for an admin, refuses anyone else; the return value is the immediate, private answer. */
  private String reindex(SlashCommandPayload payload) {
    if (!config.isAdmin(payload.getUserId())) {
      return "Sorry, only the archive's admins can reindex it. Ask one of them, or use `/archive help` to see "
          + "what else I can do.";
    }
    boolean started = reindexer.start(result -> {
      try {
        postVisibly(payload.getChannelId(), payload.getResponseUrl(), result);
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
    Optional<PageToken> token = PageToken.decode(Clicks.actionValue(payload));
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
      if (token.kind() == PageToken.Kind.ASK && Clicks.isEphemeral(payload)) {
        // A private answer keeps its way into the channel on every page.
        page = renderer.shareable(page, token.text());
      }
    } catch (Exception e) {
      page = FailureReplies.of(renderer, "paging results", e);
    }
    try {
      clicks.replace(payload, page);
    } catch (SlackPostException e) {
      LOG.warn("next page was not shown: {}", e.error());
    }
  }

  private Response onFeedback(BlockActionRequest request, ActionContext ctx, Vote vote) {
    BlockActionPayload payload = request.getPayload();
    Optional<FeedbackToken> token = FeedbackToken.decode(Clicks.actionValue(payload));
    if (token.isEmpty() || payload.getUser() == null
        || !deduplicator.firstTime("action:" + payload.getTriggerId())) {
      return ctx.ack();
    }
    workers.execute(() -> recordVote(payload, token.get(), vote));
    return ctx.ack();
  }

  /**
   * Records a click in the feedback log (a repeated click with the same vote adds nothing, a different one replaces
   * the user's vote) and shows the answer's tally under its buttons.
   */
  private void recordVote(BlockActionPayload payload, FeedbackToken token, Vote vote) {
    String user = payload.getUser().getId();
    try {
      if (feedback.voteOf(user, token.question(), token.articleId()).orElse(null) != vote) {
        feedback.append(new FeedbackEntry(timing.clock().instant(), user, token.question(), token.articleId(),
            token.passage(), vote));
        LOG.info("feedback from {} on {}: {}", user, token.articleId(), vote);
      }
      int[] tally = feedback.tally(token.question(), token.articleId());
      Reply shown;
      if (!Clicks.isEphemeral(payload) && payload.getMessage() != null && payload.getMessage().getBlocks() != null) {
        shown = new Reply(payload.getMessage().getText(), payload.getMessage().getBlocks());
      } else {
        // Slack does not send an ephemeral message back with the click: render the answer again.
        shown = renderer.shareable(replies.ask(token.question()), token.question());
      }
      clicks.replace(payload, renderer.withTally(shown, tally[0], tally[1]));
    } catch (Exception e) {
      clicks.apologize(payload, "recording feedback", e);
    }
  }

  private Response onShare(BlockActionRequest request, ActionContext ctx) {
    BlockActionPayload payload = request.getPayload();
    String question = Clicks.actionValue(payload);
    String channel = Clicks.channelOf(payload);
    String clicked = payload.getContainer() == null ? payload.getTriggerId() : payload.getContainer().getMessageTs();
    if (question == null || question.isBlank() || payload.getUser() == null || channel == null
        || !deduplicator.firstTime("share:" + payload.getUser().getId() + ":" + clicked)) {
      return ctx.ack();
    }
    workers.execute(() -> share(payload, channel, question));
    return ctx.ack();
  }

  /** Posts the private answer for everyone in the channel, "shared by" its asker, and says so in the private copy. */
  private void share(BlockActionPayload payload, String channel, String question) {
    String user = payload.getUser().getId();
    try {
      Reply answer = router.answer(question, caller(user, channel));
      postVisibly(channel, payload.getResponseUrl(), renderer.sharedBy(user, answer));
      if (payload.getResponseUrl() != null) {
        poster.respond(payload.getResponseUrl(), renderer.wasShared(question), true, true);
      }
    } catch (Exception e) {
      clicks.apologize(payload, "sharing an answer in " + channel, e);
    }
  }

  private Response onHomeOpened(EventsApiPayload<AppHomeOpenedEvent> payload, EventContext ctx) {
    AppHomeOpenedEvent event = payload.getEvent();
    if (event.getUser() == null || (event.getTab() != null && !"home".equals(event.getTab()))
        || !deduplicator.firstTime(eventKey(payload))) {
      return ctx.ack();
    }
    workers.execute(() -> {
      try {
        var response = methods.viewsPublish(r -> r.userId(event.getUser()).view(home.view(event.getUser())));
        if (!response.isOk()) {
          LOG.warn("views.publish failed: {}", response.getError());
        }
      } catch (Exception e) {
        Incidents.record("publishing the Home tab", e);
      }
    });
    return ctx.ack();
  }

  /** Posts to a channel for everyone; where the bot is no member, answers through the response URL. */
  private void postVisibly(String channel, String responseUrl, Reply reply) throws SlackPostException {
    try {
      poster.postMessage(channel, null, reply);
    } catch (SlackPostException e) {
      if (!NOT_A_MEMBER.contains(e.error()) || responseUrl == null) {
        throw e;
      }
      poster.respond(responseUrl, reply, false, false);
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

  /** Stops looking for new articles, waits briefly for replies being posted, then stops; closes the Slack client. */
  @Override
  public void close() throws Exception {
    watcher.close();
    workers.shutdown();
    if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
      workers.shutdownNow();
    }
    try {
      app.stop();
    } finally {
      try {
        slack.close();
      } finally {
        if (writer != null) {
          writer.close();
        }
      }
    }
  }
}
