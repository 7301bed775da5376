package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries only what Slack is known not to have received: a slow post is never posted twice. */
class SlackPosterTest {
  /** How the fake answers one call: after a delay, with a status, headers and body. */
  private record Answer(Duration delay, int status, Map<String, String> headers, String body) {}

  private static final String OK = "{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1.1\"}";

  private HttpServer server;
  private final ConcurrentLinkedDeque<Answer> script = new ConcurrentLinkedDeque<>();
  private final AtomicInteger posts = new AtomicInteger();
  private Slack slack;
  private SlackPoster poster;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/api/", this::answer);
    server.createContext("/response/", this::answer);
    server.setExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-api-", 0).factory()));
    server.start();
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(base() + "/api/");
    config.setHttpClientReadTimeoutMillis(400);
    config.setStatsEnabled(false);
    slack = Slack.getInstance(config);
    poster = new SlackPoster(slack, "xoxb-test", 4, Duration.ofSeconds(2));
  }

  @AfterEach
  void stop() throws Exception {
    server.stop(0);
    slack.close();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      posts.incrementAndGet();
      Answer answer = script.poll();
      if (answer == null) {
        answer = new Answer(Duration.ZERO, 200, Map.of(), OK);
      }
      try {
        Thread.sleep(answer.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      } catch (IOException clientGone) {
        // the poster gave up waiting; the post was made all the same
      }
    }
  }

  @Test
  void postThatAnswersAfterTheClientTimeoutIsNotSentAgain() throws Exception {
    script.add(new Answer(Duration.ofMillis(1_200), 200, Map.of(), OK));

    SlackPostException failure = assertThrows(SlackPostException.class,
        () -> poster.postMessage("C1", null, new Reply("hello", List.of())));

    assertEquals(1, posts.get(), "the slow post may have been made, so it must not be repeated");
    assertEquals(true, failure.getMessage().startsWith("chat.postMessage"), failure.getMessage());
  }

  @Test
  void serverErrorWithoutRetryAfterIsNotRetried() throws Exception {
    script.add(new Answer(Duration.ZERO, 503, Map.of(), "{\"ok\":false,\"error\":\"service_unavailable\"}"));

    assertThrows(SlackPostException.class, () -> poster.postMessage("C1", null, new Reply("hello", List.of())));

    assertEquals(1, posts.get());
  }

  @Test
  void serverErrorWithRetryAfterAndRateLimitAreRetried() throws Exception {
    script.addAll(List.of(
        new Answer(Duration.ZERO, 503, Map.of("Retry-After", "0"), "{\"ok\":false,\"error\":\"fatal_error\"}"),
        new Answer(Duration.ZERO, 429, Map.of("Retry-After", "0"), "{\"ok\":false,\"error\":\"ratelimited\"}")));

    String ts = poster.postMessage("C1", null, new Reply("hello", List.of()));

    assertEquals("1.1", ts);
    assertEquals(3, posts.get());
  }

  @Test
  void responseUrlThatAnswersLateIsNotPostedAgain() throws Exception {
    script.add(new Answer(Duration.ofMillis(1_200), 200, Map.of(), "ok"));

    assertThrows(SlackPostException.class,
        () -> poster.respond(base() + "/response/r1", new Reply("hello", List.of()), true, false));

    assertEquals(1, posts.get());
  }
}
