package dev.dealarchive.bot;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A bot serving the Events API on a loopback port, with a client that signs requests as Slack does. */
final class LoopbackBot implements AutoCloseable {
  private final SlackBot bot;
  private final HttpBotServer server;
  private final SignedRequests requests;

  private LoopbackBot(SlackBot bot, HttpBotServer server) {
    this.bot = bot;
    this.server = server;
    this.requests = new SignedRequests(server.port());
  }

  /** Starts a bot for {@code config} over {@code archive} on a free loopback port. */
  static LoopbackBot start(BotConfig config, ArchiveGateway archive) throws IOException {
    return start(config, archive, BotTiming.standard());
  }

  /** Starts a bot with its own sense of time: a test clock, a short interval between looks for new articles. */
  static LoopbackBot start(BotConfig config, ArchiveGateway archive, BotTiming timing) throws IOException {
    SlackBot bot = SlackBot.forHttp(config, archive, timing);
    try {
      return new LoopbackBot(bot, HttpBotServer.start(bot, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    } catch (IOException | RuntimeException e) {
      try {
        bot.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** Sends signed requests to this bot. */
  SignedRequests requests() {
    return requests;
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      bot.close();
    }
  }
}
