package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dealarchive.fetch.AddResult;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path stateDir;
  private FakeSlack slack;
  private InMemoryArchive archive;
  private LoopbackBot loopback;
  private SignedRequests requests;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    archive = new InMemoryArchive()
        .add(InMemoryArchive.microsoftOpenAi())
        .add(new InMemoryArchive.Doc("hostile", "Hostile <!channel> headline",
            "Zebras attack: <!channel> <!here> <@U123> see <http://evil.example|click me> & more.\u0007", "Evil",
            "https://evil.example/a", Instant.parse("2026-01-01T00:00:00Z")));
    for (int i = 0; i < 8; i++) {
      archive.add(new InMemoryArchive.Doc("cloud-" + i, "Cloud deal number " + i,
          "Cloud partners signed deal " + i + " about cloud capacity.", "Wire", null,
          Instant.parse("2025-0" + (i + 1) + "-01T00:00:00Z")));
    }
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        stateDir, Set.of("UADMIN"));
    loopback = LoopbackBot.start(config, archive);
    requests = loopback.requests();
  }

  @AfterEach
  void stop() throws Exception {
    loopback.close();
    slack.close();
  }

  @Test
  void mentionIsAnsweredOnceInItsThreadWithTheAnswerAndCitedArticle() throws Exception {
    HttpResponse<String> response = requests.postJson(
        SignedRequests.mention("Ev1", "C0CHAN", "1700000001.000100", "what revenue share does OpenAI pay Microsoft?"),
        Map.of());

    assertEquals(200, response.statusCode());
    FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("C0CHAN", post.param("channel"));
    assertEquals("1700000001.000100", post.param("thread_ts"));
    assertTrue(post.param("text").contains("20%"), post.param("text"));
    assertTrue(post.param("text").contains("Microsoft and OpenAI make their partnership non-exclusive"));
    assertTrue(post.param("blocks").contains("*revenue*"), "matched words are bold: " + post.param("blocks"));
    assertTrue(post.param("blocks").contains("<https://news.example/microsoft-openai|Microsoft and OpenAI"));
    assertEquals("Bearer xoxb-test", post.authorization());
  }

  @Test
  void mentionInsideAThreadIsAnsweredInThatThread() throws Exception {
    JsonObject body = SignedRequests.mention("Ev2", "C0CHAN", "1700000002.000200", "OpenAI revenue share");
    body.getAsJsonObject("event").addProperty("thread_ts", "1700000000.000001");

    requests.postJson(body, Map.of());

    assertEquals("1700000000.000001", slack.await("chat.postMessage", 1, WAIT).get(0).param("thread_ts"));
  }

  @Test
  void slackRetryOfAnEventIsNotAnsweredTwice() throws Exception {
    JsonObject event = SignedRequests.mention("EvRetry", "C0CHAN", "1700000003.000300", "OpenAI revenue share");
    requests.postJson(event, Map.of());
    HttpResponse<String> retry =
        requests.postJson(event, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    // A later, different event marks the point by which a duplicate answer would have been sent.
    requests.postJson(SignedRequests.mention("EvAfter", "C0OTHER", "1700000004.000400", "cloud deal"), Map.of());

    assertEquals(200, retry.statusCode());
    slack.awaitCalls(c -> c.method().equals("chat.postMessage") && "C0OTHER".equals(c.param("channel")), 1, WAIT);
    slack.await("chat.postMessage", 2, WAIT);
    assertEquals(1, slack.calls("chat.postMessage").stream().filter(c -> "C0CHAN".equals(c.param("channel")))
        .count());
  }

  @Test
  void requestWithABadSignatureIsRefusedWith401() throws Exception {
    String body = SignedRequests.mention("EvBad", "C0CHAN", "1.2", "OpenAI").toString();

    HttpResponse<String> response = requests.post(body, "application/json", Instant.now(), "wrong-secret", Map.of());

    assertEquals(401, response.statusCode());
  }

  @Test
  void requestWithAStaleOrFutureTimestampIsRefusedWith401() throws Exception {
    String body = SignedRequests.mention("EvOld", "C0CHAN", "1.2", "OpenAI").toString();

    HttpResponse<String> stale = requests.post(body, "application/json", Instant.now().minusSeconds(301),
        SignedRequests.SECRET, Map.of());
    HttpResponse<String> future = requests.post(body, "application/json", Instant.now().plusSeconds(301),
        SignedRequests.SECRET, Map.of());

    assertEquals(401, stale.statusCode());
    assertEquals(401, future.statusCode());
    assertTrue(slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void urlVerificationChallengeIsAnswered() throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("token", "legacy-unused");
    body.addProperty("challenge", "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    body.addProperty("type", "url_verification");

    HttpResponse<String> response = requests.postJson(body, Map.of());

    assertEquals(200, response.statusCode());
    assertTrue(response.body().contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"), response.body());
  }

  @Test
  void hostileArticleCanNeitherPingNorLink() throws Exception {
    requests.postJson(SignedRequests.mention("EvHostile", "C0CHAN", "1.5", "zebras attack"), Map.of());

    FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
    String content = post.content();
    for (String forbidden : List.of("<!channel>", "<!here>", "<@U123>", "<http://evil.example", "\u0007")) {
      assertFalse(content.contains(forbidden), "found " + forbidden + " in " + content);
    }
    assertTrue(post.param("text").contains("&lt;!channel&gt;"), post.param("text"));
    assertTrue(post.param("text").contains("&amp; more"), post.param("text"));
  }

  @Test
  void directMessageIsAnsweredInTheDmAndBotMessagesAreIgnored() throws Exception {
    requests.postJson(SignedRequests.directMessage("EvBot", "D0DM", "1.1", "OpenAI revenue share", "B0001"),
        Map.of());
    JsonObject edit = SignedRequests.directMessage("EvEdit", "D0DM", "1.2", "OpenAI revenue share", null);
    edit.getAsJsonObject("event").addProperty("subtype", "message_changed");
    requests.postJson(edit, Map.of());
    requests.postJson(SignedRequests.directMessage("EvDm", "D0DM", "1.3", "OpenAI revenue share", null), Map.of());

    FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("D0DM", post.param("channel"));
    assertNull(post.param("thread_ts"));
    assertTrue(post.param("text").contains("20%"));
    // The person's message was sent last; had the bot's own message or the edit been answered, it would be here.
    assertEquals(1, slack.calls("chat.postMessage").size());
  }

  @Test
  void slashCommandQuestionIsAnsweredOnlyToTheAskerWithAShareButton() throws Exception {
    HttpResponse<String> ack = requests.postForm(SignedRequests.form(SignedRequests.command(
        "what revenue share does OpenAI pay Microsoft?", "U0ASKER", slack.responseUrl("q1"), "trig-1")));

    assertEquals(200, ack.statusCode());
    FakeSlack.Call answer = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("ephemeral", answer.param("response_type"));
    assertTrue(answer.param("text").contains("20%"));
    assertTrue(answer.param("text").contains("Microsoft and OpenAI make their partnership non-exclusive"));
    assertTrue(answer.param("blocks").contains("Share in channel"), answer.param("blocks"));
    assertTrue(slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void shareButtonPostsTheAnswerInTheChannelSharedByTheAskerAndMarksThePrivateCopy() throws Exception {
    requests.postForm(SignedRequests.form(SignedRequests.command(
        "what revenue share does OpenAI pay Microsoft?", "U0ASKER", slack.responseUrl("q1"), "trig-1")));
    FakeSlack.Call answer = slack.await("response_url", 1, WAIT).get(0);
    String share = SignedRequests.buttonValue(answer.param("blocks"), ReplyRenderer.SHARE_ACTION);

    String click = SignedRequests.click(ReplyRenderer.SHARE_ACTION, share, "U0ASKER", "C0CMD", null, null,
        slack.responseUrl("share"), "trig-share");
    requests.postForm(click);
    requests.postForm(click);

    FakeSlack.Call shared = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("C0CMD", shared.param("channel"));
    assertTrue(shared.param("text").startsWith("Shared by <@U0ASKER>"), shared.param("text"));
    assertTrue(shared.param("text").contains("20%"));
    assertFalse(shared.param("blocks").contains("Share in channel"));
    FakeSlack.Call marked = slack.await("response_url", 2, WAIT).get(1);
    assertEquals("true", marked.param("replace_original"));
    assertTrue(marked.param("text").contains("You shared the answer"), marked.param("text"));
    assertEquals(1, slack.calls("chat.postMessage").size(), "a repeated click shares once");
  }

  @Test
  void sharingWhereTheBotIsNoMemberGoesThroughTheResponseUrl() throws Exception {
    slack.failNext("chat.postMessage", 200, Map.of(), "{\"ok\":false,\"error\":\"not_in_channel\"}");

    requests.postForm(SignedRequests.click(ReplyRenderer.SHARE_ACTION, "OpenAI revenue share", "U0ASKER", "C0CMD",
        null, null, slack.responseUrl("q2"), "trig-2"));

    FakeSlack.Call response = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("in_channel", response.param("response_type"));
    assertTrue(response.param("text").contains("20%"));
  }

  @Test
  void slashSearchIsAnsweredOnlyToTheAsker() throws Exception {
    requests.postForm(SignedRequests.form(SignedRequests.command(
        "search cloud", "U0ASKER", slack.responseUrl("s1"), "trig-3")));

    FakeSlack.Call response = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("ephemeral", response.param("response_type"));
    assertTrue(response.param("text").contains("Cloud deal number"), response.param("text"));
    assertTrue(response.param("blocks").contains(ReplyRenderer.MORE_RESULTS_ACTION));
  }

  @Test
  void reindexIsRefusedPolitelyForNonAdmins() throws Exception {
    HttpResponse<String> ack = requests.postForm(SignedRequests.form(SignedRequests.command(
        "reindex", "U0ASKER", slack.responseUrl("r1"), "trig-4")));

    assertEquals(200, ack.statusCode());
    String text = JsonParser.parseString(ack.body()).getAsJsonObject().get("text").getAsString();
    assertTrue(text.contains("only the archive's admins"), text);
    assertEquals(0, archive.reindexCalls.get());
  }

  @Test
  void adminReindexRunsInTheBackgroundAndReportsInTheChannel() throws Exception {
    HttpResponse<String> ack = requests.postForm(SignedRequests.form(SignedRequests.command(
        "reindex", "UADMIN", slack.responseUrl("r2"), "trig-5")));

    String text = JsonParser.parseString(ack.body()).getAsJsonObject().get("text").getAsString();
    assertTrue(text.contains("Reindexing started"), text);
    FakeSlack.Call report = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("C0CMD", report.param("channel"));
    assertTrue(report.param("text").contains("2 added, 1 updated"), report.param("text"));
  }

  @Test
  void reindexWhileAnotherProcessIndexesIsRefusedPolitely() throws Exception {
    archive.busy = true;

    requests.postForm(SignedRequests.form(SignedRequests.command(
        "reindex", "UADMIN", slack.responseUrl("r3"), "trig-6")));

    FakeSlack.Call report = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertTrue(report.param("text").contains("another indexing run"), report.param("text"));
  }

  @Test
  void addIsAcknowledgedAtOnceAndAnsweredOnlyToTheAskerWithSlacksLinkFormUndone() throws Exception {
    archive.addResult = new AddResult(AddResult.Status.ADDED, "https://news.example/a?x=1&y=2",
        "https://news.example/a?x=1&y=2", "Acme & Globex <!here> merge", "Wire", Instant.parse("2026-05-01T00:00:00Z"),
        null, null);

    HttpResponse<String> ack = requests.postForm(SignedRequests.form(SignedRequests.command(
        "add <https://news.example/a?x=1&amp;y=2>", "U0ASKER", slack.responseUrl("a1"), "trig-add")));

    String text = JsonParser.parseString(ack.body()).getAsJsonObject().get("text").getAsString();
    assertEquals("Fetching https://news.example/a?x=1&amp;y=2\u2026", text);
    FakeSlack.Call response = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("ephemeral", response.param("response_type"));
    assertTrue(response.param("text").contains("Acme &amp; Globex &lt;!here&gt; merge"), response.param("text"));
    assertEquals(List.of("https://news.example/a?x=1&y=2"), archive.addedUrls);
    assertTrue(slack.calls("chat.postMessage").isEmpty());
  }

  @Test
  void moreResultsButtonPagesThroughResultsInPlace() throws Exception {
    requests.postJson(SignedRequests.mention("EvPage", "C0CHAN", "1.7", "cloud deal"), Map.of());
    FakeSlack.Call first = slack.await("chat.postMessage", 1, WAIT).get(0);
    String value = SignedRequests.buttonValue(first.param("blocks"), ReplyRenderer.MORE_RESULTS_ACTION);

    requests.postForm(SignedRequests.click(ReplyRenderer.MORE_RESULTS_ACTION, value, "U0ASKER", "C0CHAN",
        "1700000000.2000", null, slack.responseUrl("page"), "trig-page"));

    FakeSlack.Call update = slack.await("chat.update", 1, WAIT).get(0);
    assertEquals("C0CHAN", update.param("channel"));
    assertEquals("1700000000.2000", update.param("ts"));
    assertTrue(update.param("text").contains("Cloud deal number"), update.param("text"));
    assertFalse(update.param("text").equals(first.param("text")));
  }

  @Test
  void rateLimitedPostIsRetriedAfterRetryAfter() throws Exception {
    slack.failNext("chat.postMessage", 429, Map.of("Retry-After", "1"), "{\"ok\":false,\"error\":\"ratelimited\"}");

    requests.postJson(SignedRequests.mention("EvLimited", "C0CHAN", "1.8", "OpenAI revenue share"), Map.of());

    List<FakeSlack.Call> posts = slack.await("chat.postMessage", 2, WAIT);
    long waitedNanos = posts.get(1).receivedNanos() - posts.get(0).receivedNanos();
    assertTrue(waitedNanos >= 900_000_000L, "retried after " + waitedNanos / 1_000_000 + " ms");
    assertTrue(posts.get(1).param("text").contains("20%"));
  }

  @Test
  void archiveFailureReachesTheUserAsAnApologyWithAnErrorId() throws Exception {
    archive.broken = true;

    requests.postJson(SignedRequests.mention("EvBroken", "C0CHAN", "1.9", "OpenAI"), Map.of());

    String text = slack.await("chat.postMessage", 1, WAIT).get(0).param("text");
    assertTrue(text.matches("(?s)Sorry, something went wrong.*error id `[0-9a-f]{8}`.*"), text);
    assertFalse(text.contains("Exception"));
  }

  @Test
  void healthCheckReportsTheArticleCountOr503() throws Exception {
    HttpResponse<String> healthy = requests.get(HttpBotServer.HEALTH_PATH);
    archive.broken = true;
    HttpResponse<String> unhealthy = requests.get(HttpBotServer.HEALTH_PATH);

    assertEquals(200, healthy.statusCode());
    assertTrue(healthy.body().contains("\"articles\":10"), healthy.body());
    assertEquals(503, unhealthy.statusCode());
  }
}
