package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketModeBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  // The SDK's session monitor first checks the connection after 5 s and then every 5 s.
  private static final Duration RECONNECT_WAIT = Duration.ofSeconds(30);

  @TempDir Path stateDir;
  private FakeSlack slack;
  private FakeSocketMode socket;
  private SlackBot bot;
  private SocketModeBot socketModeBot;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    socket = slack.startSocketMode();
    InMemoryArchive archive = new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi());
    BotConfig config = new BotConfig("xoxb-test", "xapp-test", null, URI.create(slack.baseUrl()),
        stateDir, Set.of());
    bot = SlackBot.forSocketMode(config, archive);
    socketModeBot = SocketModeBot.start(bot);
    socket.awaitConnections(1, WAIT);
  }

  @AfterEach
  void stop() throws Exception {
    socketModeBot.close();
    bot.close();
    slack.close();
  }

  @Test
  void connectionUrlComesFromAppsConnectionsOpenWithTheAppToken() {
    FakeSlack.Call open = slack.calls("apps.connections.open").get(0);
    assertEquals("Bearer xapp-test", open.authorization());
  }

  @Test
  void mentionEnvelopeIsAckedAndAnsweredInItsThread() throws Exception {
    socket.sendEnvelope("events_api", "env-1", mention("EvS1", "1700000010.000100"), 0);

    socket.awaitAck("env-1", WAIT);
    FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("1700000010.000100", post.param("thread_ts"));
    assertTrue(post.param("text").contains("20%"));
    assertTrue(post.param("text").contains("Microsoft and OpenAI make their partnership non-exclusive"));
  }

  @Test
  void redeliveredEnvelopeIsAckedButNotAnsweredTwice() throws Exception {
    socket.sendEnvelope("events_api", "env-2", mention("EvS2", "1.1"), 0);
    socket.awaitAck("env-2", WAIT);
    socket.sendEnvelope("events_api", "env-3", mention("EvS2", "1.1"), 1);
    socket.awaitAck("env-3", WAIT);
    socket.sendEnvelope("events_api", "env-4", mention("EvS3", "2.2"), 0);

    // Answers run concurrently, so the first one may arrive after the marker; wait for both before counting.
    slack.awaitCalls(c -> c.method().equals("chat.postMessage") && "2.2".equals(c.param("thread_ts")), 1, WAIT);
    slack.awaitCalls(c -> c.method().equals("chat.postMessage") && "1.1".equals(c.param("thread_ts")), 1, WAIT);
    assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> "1.1".equals(c.param("thread_ts")))
        .count());
  }

  @Test
  void slashCommandEnvelopeIsAnswered() throws Exception {
    JsonObject payload = new JsonObject();
    SignedRequests.command("what revenue share does OpenAI pay Microsoft?", "U0ASKER", slack.responseUrl("sm"),
        "trig-sm").forEach(payload::addProperty);

    socket.sendEnvelope("slash_commands", "env-5", payload, 0);

    socket.awaitAck("env-5", WAIT);
    FakeSlack.Call post = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("ephemeral", post.param("response_type"));
    assertTrue(post.param("text").contains("20%"));
  }

  @Test
  void disconnectMessageLeadsToANewConnectionThatKeepsAnswering() throws Exception {
    socket.sendDisconnect();
    socket.awaitConnections(2, WAIT);
    slack.await("apps.connections.open", 2, WAIT);

    socket.sendEnvelope("events_api", "env-6", mention("EvS4", "3.3"), 0);

    socket.awaitAck("env-6", WAIT);
    assertEquals(1, slack.await("chat.postMessage", 1, WAIT).size());
  }

  @Test
  void droppedConnectionIsReplaced() throws Exception {
    socket.dropConnections();
    socket.awaitConnections(2, RECONNECT_WAIT);

    socket.sendEnvelope("events_api", "env-7", mention("EvS5", "4.4"), 0);

    socket.awaitAck("env-7", WAIT);
    slack.await("chat.postMessage", 1, WAIT);
  }

  private static JsonObject mention(String eventId, String ts) {
    return SignedRequests.mention(eventId, "C0CHAN", ts, "what revenue share does OpenAI pay Microsoft?");
  }
}
