package dev.dealarchive.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.fetch.LocalServer;
import dev.dealarchive.indexing.FeedState;
import dev.dealarchive.indexing.FeedStates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedWatchTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final String ETAG = "\"v1\"";

  @TempDir Path temp;
  LocalServer server;
  final AtomicInteger fullAnswers = new AtomicInteger();
  final AtomicInteger notModified = new AtomicInteger();
  final AtomicInteger pageFetches = new AtomicInteger();

  @BeforeEach
  void serve() throws IOException {
    server =
        new LocalServer()
            .route("/feed.xml", this::feed)
            .route("/broken.xml", exchange -> LocalServer.send(exchange, 200, "text/html", "<html>not a feed</html>"))
            .route(
                "/articles/full-story",
                exchange -> {
                  pageFetches.incrementAndGet();
                  LocalServer.send(
                      exchange,
                      200,
                      "text/html; charset=utf-8",
                      "<html><head><title>Page title</title></head><body><article><h1>Page title</h1>"
                          + "<p>Nimbus Energy and Tidewater Grid signed a ten-year storage partnership.</p>"
                          + "<p>The full text lives only on the page, never in the feed.</p></article></body></html>");
                });
  }

  private void feed(HttpExchange exchange) throws IOException {
    if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      notModified.incrementAndGet();
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    fullAnswers.incrementAndGet();
    exchange.getResponseHeaders().set("ETag", ETAG);
    String link = server.uri("/articles/full-story").toString();
    LocalServer.send(
        exchange,
        200,
        "application/rss+xml; charset=utf-8",
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
          <title>Deal Wire</title><link>https://dealwire.example/</link><description>Deals</description>
          <item>
            <guid isPermaLink="false">dealwire-1</guid>
            <title>Nimbus partners with Tidewater</title>
            <link>%s</link>
            <description>A short summary.</description>
            <pubDate>Tue, 28 Apr 2026 09:00:00 GMT</pubDate>
          </item>
          <item>
            <guid isPermaLink="false">dealwire-2</guid>
            <title>Orion invests in Vega</title>
            <link>https://dealwire.example/orion-vega</link>
            <content:encoded><![CDATA[<p>%s</p>]]></content:encoded>
          </item>
        </channel></rss>
        """
            .formatted(link, "Orion takes a stake in Vega Labs. ".repeat(40)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void pollsWithConditionalGetFollowsSummariesAndNeverDuplicates() throws Exception {
    Path index = temp.resolve("index");
    FeedSource feed = new FeedSource(server.uri("/feed.xml"), Duration.ofMillis(150));
    FeedSource broken = new FeedSource(server.uri("/broken.xml"), Duration.ofMinutes(10));
    WatchOptions options =
        WatchOptions.of(List.of(), List.of(feed, broken))
            .withFetch(FetchOptions.defaults().withAllowedHosts(Set.of("127.0.0.1")));
    try (Watcher watcher = Watcher.open(index, options, report -> {})) {
      watcher.runInBackground("test-feed-watcher");
      Eventually.await("two 304 answers", WITHIN, () -> notModified.get() >= 2);
      watcher.stop();
      assertTrue(watcher.awaitFinished(WITHIN));
    }
    assertEquals(1, fullAnswers.get(), "the feed was fetched in full once, then answered 304");
    assertEquals(1, pageFetches.get(), "the summary-only entry's page was fetched once");
    assertEquals(List.of("dealwire-1", "dealwire-2"), IndexIds.of(index).stream().sorted().toList());
    assertTrue(IndexIds.body(index, "dealwire-1").contains("ten-year storage partnership"));

    FeedStates states = FeedStates.load(index);
    FeedState polled = states.get(feed.url().toString());
    assertEquals(ETAG, polled.etag());
    assertNotNull(polled.lastPoll());
    assertNull(polled.lastError());
    assertEquals(2, polled.articles());
    assertTrue(states.get(broken.url().toString()).lastError().contains("content type"));
  }

  @Test
  void restartedWatcherSendsTheCommittedEtagAndStoresNothingTwice() throws Exception {
    Path index = temp.resolve("index");
    FeedSource feed = new FeedSource(server.uri("/feed.xml"), Duration.ofMinutes(10));
    WatchOptions options =
        WatchOptions.of(List.of(), List.of(feed))
            .withFetch(FetchOptions.defaults().withAllowedHosts(Set.of("127.0.0.1")));
    for (int run = 1; run <= 2; run++) {
      try (Watcher watcher = Watcher.open(index, options, report -> {})) {
        int expectedAnswers = run;
        watcher.runInBackground("test-feed-watcher-" + run);
        Eventually.await(
            "poll " + run + " stored",
            WITHIN,
            () -> fullAnswers.get() + notModified.get() == expectedAnswers
                && FeedStates.load(index).get(feed.url().toString()).lastPoll() != null);
      }
    }
    assertEquals(1, fullAnswers.get());
    assertEquals(1, notModified.get());
    assertEquals(List.of("dealwire-1", "dealwire-2"), IndexIds.of(index).stream().sorted().toList());
  }
}
