package dev.dealarchive.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
  private static final String PAGE = "<html><head><title>Deal</title></head><body><p>Text.</p></body></html>";

  private final CountDownLatch release = new CountDownLatch(1);
  private LocalServer server;
  /** For the tests of what a fetch returns or refuses: a limit no loaded CI machine reaches. */
  private HttpFetcher fetcher;
  /** For the tests of the time limit itself: 400 ms for the whole fetch. */
  private HttpFetcher quick;

  @BeforeEach
  void start() throws IOException {
    server =
        new LocalServer()
            .route("/page", exchange -> LocalServer.send(exchange, 200, "text/html; charset=utf-8", PAGE))
            .route("/hop", exchange -> LocalServer.redirect(exchange, "/page"))
            .route("/loop", exchange -> LocalServer.redirect(exchange, "/loop"))
            .route("/to-private", exchange -> LocalServer.redirect(exchange, "http://10.1.2.3/secret"))
            .route("/to-metadata", exchange -> LocalServer.redirect(exchange, "http://169.254.169.254/latest/"))
            .route("/to-loopback-v6", exchange -> LocalServer.redirect(exchange, "http://[::1]:8080/"))
            .route("/to-file", exchange -> LocalServer.redirect(exchange, "file:///etc/passwd"))
            .route("/missing", exchange -> LocalServer.send(exchange, 404, "text/plain", "no"))
            .route("/pdf", exchange -> LocalServer.send(exchange, 200, "application/pdf", "%PDF-1.4"))
            .route("/big", exchange -> LocalServer.send(exchange, 200, "text/html", "x".repeat(4096)))
            .route(
                "/big-chunked",
                exchange -> {
                  exchange.getResponseHeaders().set("Content-Type", "text/html");
                  exchange.sendResponseHeaders(200, 0);
                  try (OutputStream out = exchange.getResponseBody()) {
                    for (int i = 0; i < 64; i++) {
                      out.write("y".repeat(256).getBytes(StandardCharsets.UTF_8));
                    }
                  } catch (IOException clientGaveUp) {
                    // expected: the fetcher cancels beyond its cap
                  }
                })
            .route("/slow-hop", exchange -> {
              pause(250);
              LocalServer.redirect(exchange, "/slow-hop-2");
            })
            .route("/slow-hop-2", exchange -> {
              pause(250);
              LocalServer.redirect(exchange, "/page");
            })
            .route(
                "/slow-body",
                exchange -> {
                  exchange.getResponseHeaders().set("Content-Type", "text/html");
                  exchange.sendResponseHeaders(200, 0);
                  try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<html>".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    release.await(10, TimeUnit.SECONDS);
                  } catch (IOException | InterruptedException clientGaveUp) {
                    // expected: the fetcher gives up at its limit
                  }
                })
            .route(
                "/slow",
                exchange -> {
                  try {
                    release.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  LocalServer.send(exchange, 200, "text/html", PAGE);
                });
    FetchOptions options = FetchOptions.defaults().withAllowedHosts(Set.of("127.0.0.1")).withMaxBytes(1024);
    fetcher = new HttpFetcher(options.withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
    quick = new HttpFetcher(options.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(400)));
  }

  @AfterEach
  void stop() {
    release.countDown();
    fetcher.close();
    quick.close();
    server.close();
  }

  private FetchFailure failure(String path) {
    return assertThrows(FetchException.class, () -> fetcher.fetchPage(server.uri(path))).reason();
  }

  private FetchFailure quickFailure(String path) {
    return assertThrows(FetchException.class, () -> quick.fetchPage(server.uri(path))).reason();
  }

  @Test
  void fetchesAPageWithItsContentType() throws FetchException {
    FetchResult result = fetcher.fetchPage(server.uri("/page"));
    assertEquals(200, result.status());
    assertEquals("text/html; charset=utf-8", result.contentType());
    assertArrayEquals(PAGE.getBytes(StandardCharsets.UTF_8), result.body());
  }

  @Test
  void followsRedirectsAndReportsTheFinalUrl() throws FetchException {
    FetchResult result = fetcher.fetchPage(server.uri("/hop"));
    assertEquals(server.uri("/page"), result.uri());
  }

  @Test
  void stopsAfterFiveRedirects() {
    assertEquals(FetchFailure.TOO_MANY_REDIRECTS, failure("/loop"));
  }

  @Test
  void refusesARedirectFromAnAllowedHostToAPrivateOne() {
    assertEquals(FetchFailure.PRIVATE_ADDRESS, failure("/to-private"));
    assertEquals(FetchFailure.PRIVATE_ADDRESS, failure("/to-metadata"));
    assertEquals(FetchFailure.PRIVATE_ADDRESS, failure("/to-loopback-v6"));
    assertEquals(FetchFailure.SCHEME_NOT_ALLOWED, failure("/to-file"));
  }

  @Test
  void refusesTheLoopbackServerItselfWhenProtectionIsOn() {
    try (HttpFetcher strict = new HttpFetcher(FetchOptions.defaults())) {
      FetchException refused = assertThrows(FetchException.class, () -> strict.fetchPage(server.uri("/page")));
      assertEquals(FetchFailure.PRIVATE_ADDRESS, refused.reason());
    }
  }

  @Test
  void reportsErrorStatusesWrongTypesAndOversizeBodies() {
    assertEquals(FetchFailure.HTTP_STATUS, failure("/missing"));
    assertEquals(FetchFailure.WRONG_CONTENT_TYPE, failure("/pdf"));
    assertEquals(FetchFailure.TOO_LARGE, failure("/big"));
    assertEquals(FetchFailure.TOO_LARGE, failure("/big-chunked"));
  }

  @Test
  void timesOutOnAServerThatDoesNotAnswer() {
    long started = System.nanoTime();
    assertEquals(FetchFailure.TIMEOUT, quickFailure("/slow"));
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5));
  }

  @Test
  void theReadLimitBoundsTheWholeFetchEvenWhenTheBodyTrickles() {
    long started = System.nanoTime();
    assertEquals(FetchFailure.TIMEOUT, quickFailure("/slow-body"));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    // The limit is 400 ms; the connect timeout (2 s) is part of it, not added to it.
    assertTrue(millis < 1_500, "gave up after " + millis + " ms");
  }

  @Test
  void theReadLimitBoundsTheWholeFetchAcrossRedirects() {
    long started = System.nanoTime();
    // Each hop answers within the 400 ms limit, the two together do not.
    assertEquals(FetchFailure.TIMEOUT, quickFailure("/slow-hop"));
    assertTrue(System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(1_500));
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void reportsARefusedConnection() throws IOException {
    LocalServer gone = new LocalServer();
    var uri = gone.uri("/page");
    gone.close();
    FetchException failed = assertThrows(FetchException.class, () -> fetcher.fetchPage(uri));
    assertEquals(FetchFailure.CONNECT_FAILED, failed.reason(), failed.getMessage());
  }
}
