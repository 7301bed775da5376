package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bot against a real Lucene index built in the test from articles written here. */
class LiveArchiveBotTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String QUESTION = "what revenue share does OpenAI pay Microsoft?";
  private static final String TITLE = "Microsoft and OpenAI make their partnership non-exclusive";

  @TempDir Path indexDir;

  private FakeSlack slack;
  private LocalArchive archive;
  private LoopbackBot loopback;
  private SignedRequests requests;

  @BeforeEach
  void start() throws Exception {
    index("test-articles", List.of(
        draft("microsoft-openai-2026-04-28", TITLE,
            "Microsoft and OpenAI said on Tuesday that their partnership is no longer exclusive. OpenAI will pay "
                + "Microsoft a revenue share capped at 20% through 2030. Microsoft keeps its license to OpenAI "
                + "models.", "https://news.example/microsoft-openai"),
        draft("hostile", "Zebra logistics partners with <!channel> Corp",
            "Zebra logistics partners with <!channel> and <@U123> to ship <http://evil.example|free money> "
                + "everywhere. The zebra partnership was signed <!here> on Monday.", "https://evil.example/z"),
        draft("huge", "Gigantic partnership report on quantum widgets",
            ("Quantum widgets partnership terms include many widget clauses and <@U999> quantum details. ")
                .repeat(2000), null)));
    slack = new FakeSlack();
    archive = LocalArchive.open(indexDir);
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        indexDir, Set.of("UADMIN"));
    loopback = LoopbackBot.start(config, archive);
    requests = loopback.requests();
  }

  @AfterEach
  void stop() throws Exception {
    loopback.close();
    archive.close();
    slack.close();
  }

  @Test
  void signedMentionGetsOneThreadedAnswerWithTheRevenueShareAndTitle() throws Exception {
    requests.postJson(SignedRequests.mention("EvLive", "C0CHAN", "1700000100.000100", QUESTION), Map.of());

    List<FakeSlack.Call> posts = slack.await("chat.postMessage", 1, WAIT);
    FakeSlack.Call post = posts.get(0);
    assertEquals("1700000100.000100", post.param("thread_ts"));
    assertTrue(post.param("text").contains("20%"), post.param("text"));
    assertTrue(post.param("text").contains(TITLE), post.param("text"));
    assertEquals(1, posts.size());
  }

  @Test
  void slashCommandQuestionIsAnsweredToTheAskerFromTheIndex() throws Exception {
    requests.postForm(SignedRequests.form(SignedRequests.command(QUESTION, "U0ASKER", slack.responseUrl("l1"),
        "trig-live")));

    FakeSlack.Call post = slack.await("response_url", 1, WAIT).get(0);
    assertEquals("ephemeral", post.param("response_type"));
    assertTrue(post.param("text").contains("20%"), post.param("text"));
    assertTrue(post.param("text").contains(TITLE), post.param("text"));
  }

  @Test
  void socketModeMentionIsAnsweredInItsThreadFromTheIndex() throws Exception {
    FakeSocketMode socket = slack.startSocketMode();
    BotConfig config = new BotConfig("xoxb-test", "xapp-test", null, URI.create(slack.baseUrl()), indexDir,
        Set.of());
    try (SlackBot socketBot = SlackBot.forSocketMode(config, archive);
        SocketModeBot connection = SocketModeBot.start(socketBot)) {
      socket.awaitConnections(1, WAIT);
      socket.sendEnvelope("events_api", "env-live",
          SignedRequests.mention("EvSocketLive", "C0CHAN", "1700000200.000200", QUESTION), 0);

      socket.awaitAck("env-live", WAIT);
      FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
      assertEquals("1700000200.000200", post.param("thread_ts"));
      assertTrue(post.param("text").contains("20%"), post.param("text"));
      assertTrue(post.param("text").contains(TITLE), post.param("text"));
    }
  }

  @Test
  void hostileArticleFromTheIndexCannotPingOrLink() throws Exception {
    requests.postJson(SignedRequests.mention("EvZebra", "C0CHAN", "1.1", "zebra logistics partnership"), Map.of());

    String content = slack.await("chat.postMessage", 1, WAIT).get(0).content();
    assertTrue(content.toLowerCase(Locale.ROOT).contains("zebra"), content);
    for (String forbidden : List.of("<!channel>", "<!here>", "<@U123>", "<http://evil.example")) {
      assertFalse(content.contains(forbidden), forbidden + " in " + content);
    }
  }

  @Test
  void hugeArticleReplyStaysWithinSlackLimits() throws Exception {
    requests.postJson(SignedRequests.mention("EvHuge", "C0CHAN", "1.2", "quantum widgets partnership terms"),
        Map.of());

    FakeSlack.Call post = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertTrue(post.param("text").length() <= TextLimits.MESSAGE_TEXT);
    assertFalse(post.content().contains("<@U999>"));
    JsonArray blocks = JsonParser.parseString(post.param("blocks")).getAsJsonArray();
    assertTrue(blocks.size() <= TextLimits.BLOCKS);
    for (var block : blocks) {
      var text = block.getAsJsonObject().getAsJsonObject("text");
      if (text != null) {
        assertTrue(text.get("text").getAsString().length() <= TextLimits.SECTION_TEXT);
      }
    }
  }

  @Test
  void articleIndexedByAnotherWriterIsAnsweredWithoutRestart() throws Exception {
    long before = archive.articleCount();
    index("later-articles", List.of(draft("acme-globex", "Acme and Globex form a battery alliance",
        "Acme will supply Globex with solid-state batteries starting in 2027.", "https://news.example/acme")));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (archive.articleCount() == before) {
      assertTrue(System.nanoTime() < deadline, "the new article never became searchable");
      Thread.sleep(50);
    }

    requests.postJson(SignedRequests.mention("EvNew", "C0CHAN", "1.3", "what will Acme supply to Globex?"),
        Map.of());

    assertTrue(slack.await("chat.postMessage", 1, WAIT).get(0).param("text").contains("solid-state batteries"));
  }

  @Test
  void consoleAnswersTheQuestionWithoutAnySlackVariable() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream originalIn = System.in;
    int exit;
    try {
      System.setIn(new ByteArrayInputStream((QUESTION + "\n").getBytes(StandardCharsets.UTF_8)));
      CommandLine command = new CommandLine(new BotCommand(Map.of()));
      command.setOut(new PrintWriter(out, true));
      command.setErr(new PrintWriter(err, true));
      exit = command.execute("--console", "--index", indexDir.toString());
    } finally {
      System.setIn(originalIn);
    }

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("20%"), out.toString());
    assertTrue(out.toString().contains(TITLE), out.toString());
  }

  @Test
  void missingSlackVariableStopsStartUpNamingIt() {
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new BotCommand(Map.of("SLACK_BOT_TOKEN", "xoxb-test")));
    command.setErr(new PrintWriter(err, true));

    int exit = command.execute("--index", indexDir.toString());

    assertEquals(ExitCodes.FAILED, exit);
    assertTrue(err.toString().contains("SLACK_APP_TOKEN"), err.toString());
  }

  @Test
  void bundledSampleDataAnswersTheRevenueShareMentionInItsThread(@TempDir Path bundledIndex) throws Exception {
    Path data = Path.of("../data");
    Assumptions.assumeTrue(Files.isDirectory(data), "bundled data/ not present");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(bundledIndex)) {
      indexer.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
    }
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        bundledIndex, Set.of());
    try (LocalArchive bundled = LocalArchive.open(bundledIndex);
        LoopbackBot bundledBot = LoopbackBot.start(config, bundled)) {
      bundledBot.requests().postJson(
          SignedRequests.mention("EvBundled", "C0CHAN", "1700000300.000300", QUESTION), Map.of());

      List<FakeSlack.Call> posts = slack.await("chat.postMessage", 1, WAIT);
      assertEquals(1, posts.size());
      assertEquals("1700000300.000300", posts.get(0).param("thread_ts"));
      assertTrue(posts.get(0).param("text").contains("20%"), posts.get(0).param("text"));
      assertTrue(posts.get(0).param("text").contains(TITLE), posts.get(0).param("text"));
    }
  }

  private void index(String origin, List<ArticleDraft> drafts) throws Exception {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      indexer.indexDrafts(origin, drafts);
    }
  }

  private static ArticleDraft draft(String id, String title, String body, String url) {
    return new ArticleDraft(id, title, body, Instant.parse("2026-04-28T09:00:00Z"), "Example Wire", url, List.of(),
        List.of(), 0);
  }
}
