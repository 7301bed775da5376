package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the attack session tried against the HTTP bot: idle connections and signed but malformed payloads. */
class HttpBotRobustnessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private FakeSlack slack;
  private SlackBot bot;
  private HttpBotServer server;
  private SignedRequests requests;
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    InMemoryArchive archive = new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi());
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        Path.of("unused-index"), Set.of("UADMIN"));
    bot = SlackBot.forHttp(config, archive);
    server = HttpBotServer.start(bot, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        new HttpBotServer.Limits(40, Duration.ofMillis(1500)));
    requests = new SignedRequests(server.port());
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
    bot.close();
    slack.close();
  }

  @Test
  void idleAndHalfSentConnectionsNeitherStallAcksNorHealthChecks() throws Exception {
    byte[] halfHeader = ("POST " + HttpBotServer.EVENTS_PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le")
        .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < 200; i++) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
      sockets.add(socket);
      if (i % 2 == 0) {
        OutputStream out = socket.getOutputStream();
        out.write(halfHeader);
        out.flush();
      }
    }

    long started = System.nanoTime();
    HttpResponse<String> ack = requests.postJson(
        SignedRequests.mention("EvLoad", "C0CHAN", "1.1", "OpenAI revenue share"), Map.of());
    long ackMillis = (System.nanoTime() - started) / 1_000_000;
    HttpResponse<String> health = requests.get(HttpBotServer.HEALTH_PATH);

    assertEquals(200, ack.statusCode());
    assertTrue(ackMillis < 3_000, "acknowledged after " + ackMillis + " ms");
    assertEquals(200, health.statusCode());
    assertTrue(slack.await("chat.postMessage", 1, WAIT).get(0).param("text").contains("20%"));
  }

  @Test
  void connectionThatNeverFinishesItsHeaderIsClosed() throws Exception {
    Socket socket = new Socket();
    sockets.add(socket);
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    InputStream in = socket.getInputStream();
    long started = System.nanoTime();
    // A byte every 200 ms keeps the connection busy, so only a limit on the whole header's time ends it.
    Thread trickle = Thread.ofVirtual().name("trickle").start(() -> {
      try {
        out.write(("POST " + HttpBotServer.EVENTS_PATH + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < 100; i++) {
          out.write('X');
          out.flush();
          Thread.sleep(200);
        }
      } catch (Exception closed) {
        // the server closed the connection, as it should
      }
    });
    int read;
    try {
      read = in.read();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection was still open after 10 s", e);
    } catch (java.net.SocketException reset) {
      read = -1;
    }
    trickle.interrupt();
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(read == -1 || read == 'H', "the server closed the connection or answered with an error");
    assertTrue(millis < 6_000, "closed after " + millis + " ms");
  }

  @Test
  void signedButMalformedPayloadsGet400AndOneLogLineEach() throws Exception {
    List<String[]> payloads = List.of(
        new String[] {"[]", "application/json"},
        new String[] {"{\"type\":\"event_callback\"}", "application/json"},
        new String[] {"payload=null", "application/x-www-form-urlencoded"},
        new String[] {"payload=" + java.net.URLEncoder.encode(
            "{\"type\":\"block_actions\",\"trigger_id\":\"t1\",\"actions\":[{\"action_id\":\""
                + ReplyRenderer.MORE_RESULTS_ACTION + "\",\"value\":\"x\"}]}", StandardCharsets.UTF_8),
            "application/x-www-form-urlencoded"},
        new String[] {"{\"type\":\"url_verification\",\"token\":\"t\"}", "application/json"});
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    List<Integer> statuses = new ArrayList<>();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String[] payload : payloads) {
        statuses.add(requests.post(payload[0], payload[1], Instant.now(), SignedRequests.SECRET, Map.of())
            .statusCode());
      }
    } finally {
      System.setErr(originalErr);
    }
    String log = captured.toString(StandardCharsets.UTF_8);

    assertEquals(List.of(400, 400, 400, 400, 400), statuses, log);
    long lines = log.lines().filter(line -> line.contains("malformed")).count();
    assertEquals(payloads.size(), lines, log);
    assertFalse(log.contains("\tat "), "no stack trace: " + log);
    assertTrue(slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void unsignedMalformedPayloadIsRefusedAsUnsigned() throws Exception {
    HttpResponse<String> response =
        requests.post("[]", "application/json", Instant.now(), "wrong-secret", Map.of());

    assertEquals(401, response.statusCode());
  }
}
