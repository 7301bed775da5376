package dev.dealarchive.bot;

import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the bot to Slack with Socket Mode: no public URL needed. The WebSocket URL comes from
 * {@code apps.connections.open} at the configured Web API base URL. Bolt acknowledges each envelope by its
 * {@code envelope_id}; on a {@code disconnect} message the client opens a new connection at once, and a dropped
 * connection is noticed by the client's session monitor (a ping every few seconds) and replaced.
 */
public final class SocketModeBot implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SocketModeBot.class);

  private final SocketModeApp socketModeApp;

  private SocketModeBot(SocketModeApp socketModeApp) {
    this.socketModeApp = socketModeApp;
  }

  /**
   * Connects and returns once the first connection is open; events are handled on background threads.
   *
   * @param bot a bot built with {@link SlackBot#forSocketMode}; closed by the caller after this
   */
  public static SocketModeBot start(SlackBot bot) throws IOException {
    SocketModeApp socketModeApp =
        new SocketModeApp(bot.config().appToken(), bot.app(), SocketModeClient.Backend.JavaWebSocket);
    try {
      socketModeApp.startAsync();
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("could not connect to Slack with Socket Mode: " + e.getMessage(), e);
    }
    LOG.info("connected to Slack with Socket Mode");
    return new SocketModeBot(socketModeApp);
  }

  /** Whether the WebSocket connection is open now. */
  public boolean isConnected() {
    SocketModeClient client = socketModeApp.getClient();
    return client != null && client.verifyConnection();
  }

  /** Disconnects and stops the client's threads. */
  @Override
  public void close() throws Exception {
    SocketModeClient client = socketModeApp.getClient();
    try {
      socketModeApp.stop();
    } finally {
      if (client != null) {
        client.close();
      }
    }
  }
}
