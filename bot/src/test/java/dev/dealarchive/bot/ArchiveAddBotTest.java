package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.dealarchive.Archive;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.fetch.PendingAdds;
import dev.dealarchive.indexing.ArchiveIndexer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /archive add} end to end: signed slash commands to the bot over HTTP, pages fetched from a web site on
 * loopback, articles stored in a real index in a temporary folder. No other network is used.
 */
class ArchiveAddBotTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path indexDir;

  private FakeSlack slack;
  private ArticlePages pages;
  private LocalArchive archive;
  private LoopbackBot loopback;
  private SignedRequests requests;

  @BeforeEach
  void seedIndex() throws Exception {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      indexer.indexDrafts("seed", List.of(new ArticleDraft("seed-article", "Orion backs Vega Labs",
          "Orion invests in Vega Labs to build satellite batteries.", Instant.parse("2026-03-01T00:00:00Z"),
          "Example Wire", "https://news.example/orion-vega", List.of(), List.of(), 0)));
    }
    slack = new FakeSlack();
    pages = new ArticlePages();
  }

  @AfterEach
  void stop() throws Exception {
    if (loopback != null) {
      loopback.close();
    }
    if (archive != null) {
      archive.close();
    }
    pages.close();
    slack.close();
  }

  @Test
  void memberAddsALoopbackPageWhenPrivateAddressesAreAllowedAndTheArticleIsThenSearchable() throws Exception {
    start(FetchOptions.defaults().withPrivateAddresses(true), BotConfig.AddPolicy.ALL);

    HttpResponse<String> ack = command("add " + pages.articleUrl(), "U0MEMBER", "add1");

    assertEquals(200, ack.statusCode());
    assertTrue(ackText(ack).startsWith("Fetching http://127.0.0.1:"), ack.body());
    FakeSlack.Call reply = awaitResponse("add1");
    assertEquals("ephemeral", reply.param("response_type"));
    assertTrue(reply.param("text").startsWith("Added to the archive:"), reply.param("text"));
    assertTrue(reply.param("text").contains("<" + pages.articleUrl() + "|" + ArticlePages.TITLE + ">"),
        reply.param("text"));
    assertTrue(reply.param("text").contains("Deal Wire \u00b7 28 Apr 2026"), reply.param("text"));
    assertEquals(List.of(ArticlePages.PATH), pages.requests());

    command("search tidewater", "U0MEMBER", "search1");

    String found = awaitResponse("search1").param("text");
    assertTrue(found.contains(ArticlePages.TITLE), found);
    try (Archive reader = Archive.open(indexDir)) {
      assertEquals(2, reader.articleCount());
    }
  }

  @Test
  void defaultRulesRefuseMetadataFileAndLoopbackUrlsWithTheReasonAndFetchNothing() throws Exception {
    start(FetchOptions.defaults(), BotConfig.AddPolicy.ALL);

    command("add http://169.254.169.254/latest/meta-data/", "U0MEMBER", "meta");
    command("add file:///etc/passwd", "U0MEMBER", "file");
    command("add " + pages.articleUrl(), "U0MEMBER", "loop");

    String metadata = awaitResponse("meta").param("text");
    assertTrue(metadata.startsWith("Could not add http://169.254.169.254/latest/meta-data/: the address is "
        + "internal"), metadata);
    String file = awaitResponse("file").param("text");
    assertTrue(file.contains("only http and https urls are fetched"), file);
    String loopback = awaitResponse("loop").param("text");
    assertTrue(loopback.contains("the address is internal"), loopback);
    assertEquals(List.of(), pages.requests());
    assertEquals(1, archive.articleCount());
  }

  @Test
  void nonAdminIsRefusedWhenArchiveAddIsAdminsWhileAnAdminMayAdd() throws Exception {
    start(FetchOptions.defaults().withPrivateAddresses(true), BotConfig.AddPolicy.ADMINS);

    HttpResponse<String> refused = command("add " + pages.articleUrl(), "U0MEMBER", "member");
    HttpResponse<String> accepted = command("add " + pages.articleUrl(), "UADMIN", "admin");

    assertTrue(ackText(refused).contains("only the archive's admins can add articles"), refused.body());
    assertTrue(ackText(accepted).startsWith("Fetching"), accepted.body());
    assertTrue(awaitResponse("admin").param("text").startsWith("Added to the archive:"));
    // One fetch, the admin's; the member's command was refused in its acknowledgement and never reached a worker.
    assertEquals(List.of(ArticlePages.PATH), pages.requests());
    assertTrue(slack.calls("response_url").stream().noneMatch(c -> c.param("url").endsWith("/member")));
  }

  @Test
  void addWhileAWatcherHoldsTheIndexIsQueuedForItAndSaysSo() throws Exception {
    start(FetchOptions.defaults().withPrivateAddresses(true), BotConfig.AddPolicy.ALL);

    String reply;
    try (ArchiveIndexer watcher = ArchiveIndexer.open(indexDir)) {
      command("add " + pages.articleUrl(), "U0MEMBER", "queued");
      reply = awaitResponse("queued").content();
    }

    assertTrue(reply.startsWith("Queued for the archive:"), reply);
    assertTrue(reply.contains(ArticlePages.TITLE), reply);
    assertTrue(reply.contains("searchable within seconds"), reply);
    assertEquals(1, PendingAdds.list(indexDir).size());
  }

  private void start(FetchOptions fetchOptions, BotConfig.AddPolicy addPolicy) throws Exception {
    archive = LocalArchive.open(indexDir, Archive::open, fetchOptions);
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        indexDir, Set.of("UADMIN"), addPolicy);
    loopback = LoopbackBot.start(config, archive);
    requests = loopback.requests();
  }

  private HttpResponse<String> command(String text, String user, String name) throws Exception {
    return requests.postForm(SignedRequests.form(
        SignedRequests.command(text, user, slack.responseUrl(name), "trig-" + name)));
  }

  private FakeSlack.Call awaitResponse(String name) throws InterruptedException {
    return slack.awaitCalls(c -> c.method().equals("response_url") && c.param("url").endsWith("/" + name), 1, WAIT)
        .get(0);
  }

  private static String ackText(HttpResponse<String> ack) {
    return JsonParser.parseString(ack.body()).getAsJsonObject().get("text").getAsString();
  }
}
