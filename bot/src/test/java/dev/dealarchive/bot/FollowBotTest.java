package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.indexing.ArchiveIndexer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Followed queries, channel scopes and the Home tab against a real index that other writers change. */
class FollowBotTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final BotTiming FAST =
      new BotTiming(Clock.systemUTC(), Duration.ofMillis(100), Duration.ofMinutes(15));

  @TempDir Path indexDir;
  @TempDir Path inputs;
  private FakeSlack slack;
  private LocalArchive archive;
  private BotConfig config;
  private LoopbackBot loopback;
  private int triggers;

  @BeforeEach
  void start() throws Exception {
    index("seed", List.of(draft("seed-openai", "OpenAI signs a cloud deal with Microsoft",
        "OpenAI and Microsoft agree on Azure cloud capacity.", "Reuters")));
    slack = new FakeSlack();
    archive = LocalArchive.open(indexDir);
    config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()), indexDir,
        Set.of("UADMIN"));
    loopback = LoopbackBot.start(config, archive, FAST);
  }

  @AfterEach
  void stop() throws Exception {
    if (loopback != null) {
      loopback.close();
    }
    archive.close();
    slack.close();
  }

  @Test
  void followedQueryGetsEachNewMatchingArticleOnceAndNothingElse() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    assertTrue(slack.await("response_url", 1, WAIT).get(0).param("text").contains("followed `OpenAI cloud`"));

    index("feed-1", List.of(
        draft("openai-google", "OpenAI adds Google Cloud", "OpenAI will also run on Google Cloud.", "Reuters"),
        draft("acme-batteries", "Acme and Globex batteries", "Acme supplies batteries to Globex.", "Wire")));

    FakeSlack.Call post = awaitPost(1).get(0);
    assertEquals("C0CMD", post.param("channel"));
    assertTrue(post.param("text").contains("OpenAI adds Google Cloud"), post.param("text"));
    assertTrue(post.param("text").contains("follow #1"), post.param("text"));
    assertTrue(post.param("blocks").contains("*Google* *Cloud*") || post.param("blocks").contains("*Cloud*"),
        "the best passage with the query's words in bold: " + post.param("blocks"));
    assertFalse(post.param("text").contains("Acme"), post.param("text"));
    assertFalse(post.param("text").contains("seed-openai") || post.param("text").contains("signs a cloud deal"));

    // An update of the posted article and a re-indexed copy are not new; the next new match is posted alone.
    index("feed-1", List.of(
        draft("openai-google", "OpenAI adds Google Cloud", "OpenAI will also run on Google Cloud, updated.", "Reuters"),
        draft("acme-batteries", "Acme and Globex batteries", "Acme supplies batteries to Globex.", "Wire")));
    index("feed-2", List.of(draft("openai-oracle", "OpenAI rents Oracle cloud", "OpenAI rents Oracle cloud capacity.",
        "Reuters")));

    FakeSlack.Call second = awaitPost(2).get(1);
    assertTrue(second.param("text").contains("OpenAI rents Oracle cloud"), second.param("text"));
    assertFalse(second.param("text").contains("Google"), second.param("text"));
  }

  @Test
  void aDeletedArticleIndexedAgainIsNotPostedAgain() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    List<ArticleDraft> google = List.of(draft("openai-google", "OpenAI adds Google Cloud",
        "OpenAI will also run on Google Cloud.", "Reuters"));
    index("feed", google);
    awaitPost(1);

    index("feed", List.of());
    index("feed", google);
    index("other", List.of(draft("openai-oracle", "OpenAI rents Oracle cloud", "OpenAI rents Oracle cloud.",
        "Reuters")));

    FakeSlack.Call second = awaitPost(2).get(1);
    assertTrue(second.param("text").contains("Oracle"), second.param("text"));
    assertFalse(second.param("text").contains("Google"), second.param("text"));
  }

  @Test
  void manyNewMatchesComeAsOneMessageListingTenAndCountingTheRest() throws Exception {
    command("follow battery", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    List<ArticleDraft> drafts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      drafts.add(draft("battery-" + i, "Battery deal " + i, "A battery supply deal number " + i + ".", "Wire"));
    }

    index("batch", drafts);

    FakeSlack.Call post = awaitPost(1).get(0);
    assertEquals(10, post.param("text").split("\u2022", -1).length - 1, post.param("text"));
    assertTrue(post.param("text").contains("and 2 more"), post.param("text"));
  }

  @Test
  void followingListsNumberedQueriesAndUnfollowStopsOne() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    command("follow battery", "U0ASKER");
    slack.await("response_url", 2, WAIT);
    command("follow   openai   CLOUD", "U0OTHER");
    slack.await("response_url", 3, WAIT);
    command("following", "U0ASKER");
    List<FakeSlack.Call> replies = slack.await("response_url", 4, WAIT);
    String list = replies.stream().map(c -> c.param("text")).filter(t -> t.startsWith("This channel follows:"))
        .findFirst().orElseThrow();
    assertTrue(list.contains("1. `OpenAI cloud`") && list.contains("2. `battery`"), list);
    assertTrue(replies.stream().anyMatch(c -> c.param("text").contains("already follows `OpenAI cloud` (#1)")));

    command("unfollow 1", "U0ASKER");
    assertTrue(slack.await("response_url", 5, WAIT).get(4).param("text").contains("Stopped following"));
    index("feed", List.of(draft("openai-google", "OpenAI adds Google Cloud", "OpenAI runs on Google Cloud.", "Reuters"),
        draft("battery-x", "Battery deal X", "A battery deal.", "Wire")));

    FakeSlack.Call post = awaitPost(1).get(0);
    assertTrue(post.param("text").contains("Battery deal X"), post.param("text"));
    assertFalse(post.param("text").contains("Google"), post.param("text"));
    StringWriter out = new StringWriter();
    ArchiveCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "stats", "--index",
        indexDir.toString());
    assertTrue(out.toString().contains("C0CMD #2  battery"), out.toString());
    StringWriter json = new StringWriter();
    ArchiveCommand.run(new PrintWriter(json), new PrintWriter(new StringWriter()), "stats", "--json", "--index",
        indexDir.toString());
    assertTrue(json.toString().contains("\"follows\":[{\"channel\":\"C0CMD\",\"number\":2,\"query\":\"battery\""),
        json.toString());
  }

  @Test
  void articlesCommittedWhileTheBotWasDownArePostedOnceAfterRestart() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    loopback.close();
    loopback = null;

    index("while-down", List.of(draft("openai-google", "OpenAI adds Google Cloud", "OpenAI runs on Google Cloud.",
        "Reuters")));
    loopback = LoopbackBot.start(config, archive, FAST);

    FakeSlack.Call post = awaitPost(1).get(0);
    assertTrue(post.param("text").contains("OpenAI adds Google Cloud"), post.param("text"));
    loopback.close();
    loopback = LoopbackBot.start(config, archive, FAST);
    index("after", List.of(draft("openai-oracle", "OpenAI rents Oracle cloud", "OpenAI rents Oracle cloud.",
        "Reuters")));
    List<FakeSlack.Call> posts = awaitPost(2);
    assertTrue(posts.get(1).param("text").contains("Oracle"), posts.get(1).param("text"));
    assertFalse(posts.get(1).param("text").contains("Google"), "posted once, also across restarts");
  }

  @Test
  void articleIndexedByASeparateArchiveIndexProcessIsPosted() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    Path folder = Files.createDirectories(inputs.resolve("new"));
    Files.writeString(folder.resolve("openai-aws.md"), String.join("\n",
        "---", "id: openai-aws", "title: OpenAI models reach the AWS cloud", "date: 2026-05-02",
        "source: Reuters", "---", "", "OpenAI models are now offered in the AWS cloud through Bedrock.", ""),
        StandardCharsets.UTF_8);

    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
        "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
        "dev.dealarchive.cli.ArchiveCommand", "index", "--index", indexDir.toString(), folder.toString())
        .redirectErrorStream(true).redirectOutput(inputs.resolve("child.log").toFile()).start();
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "archive index finishes");
    assertEquals(0, child.exitValue(), Files.readString(inputs.resolve("child.log")));

    FakeSlack.Call post = awaitPost(1).get(0);
    assertTrue(post.param("text").contains("OpenAI models reach the AWS cloud"), post.param("text"));
    assertTrue(post.param("text").contains("Reuters"), post.param("text"));
  }

  @Test
  void adminScopeLimitsQuestionsInItsChannelAndIsShownInTheReply() throws Exception {
    index("wire", List.of(draft("wire-openai", "OpenAI cloud talks reported by the wire",
        "OpenAI and Microsoft discuss Azure cloud capacity again.", "Wire")));
    HttpResponse<String> refused = command("scope source:Reuters", "U0ASKER");
    assertEquals(200, refused.statusCode());
    assertTrue(slack.await("response_url", 1, WAIT).get(0).param("text").contains("only the archive's admins"));

    command("scope source:Reuters", "UADMIN");
    slack.await("response_url", 2, WAIT);
    loopback.requests().postJson(SignedRequests.mention("EvScoped", "C0CMD", "1.1", "OpenAI Azure cloud capacity"),
        Map.of());
    loopback.requests().postJson(SignedRequests.mention("EvOther", "C0ELSEWHERE", "1.2", "OpenAI Azure cloud "
        + "capacity reported by the wire"), Map.of());

    List<FakeSlack.Call> answers = slack.await("chat.postMessage", 2, WAIT);
    String scoped = answers.stream().filter(c -> "C0CMD".equals(c.param("channel"))).findFirst().orElseThrow()
        .param("text");
    assertTrue(scoped.startsWith("Channel scope: `source:Reuters`"), scoped);
    assertFalse(scoped.contains("reported by the wire"), scoped);
    String elsewhere = answers.stream().filter(c -> "C0ELSEWHERE".equals(c.param("channel"))).findFirst()
        .orElseThrow().param("text");
    assertTrue(elsewhere.contains("reported by the wire"), elsewhere);

    command("scope clear", "UADMIN");
    assertTrue(slack.await("response_url", 3, WAIT).get(2).param("text").contains("Scope cleared"));
  }

  @Test
  void homeTabShowsTheArchiveTheLatestAdditionsAndTheUsersFollows() throws Exception {
    command("follow OpenAI cloud", "U0ASKER");
    slack.await("response_url", 1, WAIT);
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_home_opened");
    event.addProperty("user", "U0ASKER");
    event.addProperty("channel", "D0HOME");
    event.addProperty("tab", "home");
    event.addProperty("event_ts", "1.1");

    loopback.requests().postJson(SignedRequests.callback("EvHome", event), Map.of());

    FakeSlack.Call publish = slack.await("views.publish", 1, WAIT).get(0);
    assertEquals("U0ASKER", publish.param("user_id"));
    JsonObject view = JsonParser.parseString(publish.param("view")).getAsJsonObject();
    assertEquals("home", view.get("type").getAsString());
    String blocks = view.get("blocks").toString();
    assertTrue(blocks.contains("*1* articles"), blocks);
    assertTrue(blocks.contains("OpenAI signs a cloud deal with Microsoft"), blocks);
    assertTrue(blocks.contains("<#C0CMD> #1 `OpenAI cloud`"), blocks);
    assertTrue(blocks.contains("/archive follow"), blocks);
  }

  private HttpResponse<String> command(String text, String user) throws Exception {
    triggers++;
    return loopback.requests().postForm(SignedRequests.form(SignedRequests.command(text, user,
        slack.responseUrl("c" + triggers), "trig-" + triggers)));
  }

  private List<FakeSlack.Call> awaitPost(int count) throws InterruptedException {
    Predicate<FakeSlack.Call> notification = c -> c.method().equals("chat.postMessage")
        && c.param("text").startsWith("New in the archive");
    return slack.awaitCalls(notification, count, WAIT);
  }

  private void index(String origin, List<ArticleDraft> drafts) throws Exception {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      indexer.indexDrafts(origin, drafts);
    }
  }

  private static ArticleDraft draft(String id, String title, String body, String source) {
    return new ArticleDraft(id, title, body, Instant.parse("2026-05-01T09:00:00Z"), source,
        "https://news.example/" + id, List.of(), List.of(), 0);
  }
}
