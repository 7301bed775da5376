package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.feedback.AnswerFeedback;
import dev.dealarchive.feedback.FeedbackLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
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

/** Follow-up questions in threads and DMs, and the Helpful / Not helpful buttons. */
class ConversationBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String AMAZON_QUESTION = "Can OpenAI deploy its models on Amazon?";
  private static final String GOOGLE_CLOUD_TITLE = "OpenAI models come to Google Cloud";
  private static final String ANTHROPIC_TITLE = "Google invests in Anthropic";

  @TempDir Path indexDir;
  private final TestClock clock = new TestClock(Instant.parse("2026-06-01T10:00:00Z"));
  private FakeSlack slack;
  private InMemoryArchive archive;
  private LoopbackBot loopback;
  private SignedRequests requests;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    archive = new InMemoryArchive()
        // First, so a bare "what about Google?" finds it: Google is its only shared word.
        .add(new InMemoryArchive.Doc("anthropic", ANTHROPIC_TITLE,
            "Google invests in Anthropic. Google Cloud supplies chips.", "Wire", "https://news.example/anthropic",
            Instant.parse("2026-03-01T00:00:00Z")))
        .add(new InMemoryArchive.Doc("bedrock", "OpenAI models arrive on Amazon Bedrock",
            "OpenAI may deploy its models on Amazon Bedrock under the new terms.", "Wire",
            "https://news.example/bedrock", Instant.parse("2026-04-28T00:00:00Z")))
        .add(new InMemoryArchive.Doc("gcp", GOOGLE_CLOUD_TITLE,
            "OpenAI can also deploy its models on Google Cloud under the new terms.", "Wire",
            "https://news.example/gcp", Instant.parse("2026-04-28T00:00:00Z")));
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        indexDir, Set.of());
    loopback = LoopbackBot.start(config, archive, new BotTiming(clock, Duration.ofHours(1), Duration.ofMinutes(15)));
    requests = loopback.requests();
  }

  @AfterEach
  void stop() throws Exception {
    loopback.close();
    slack.close();
  }

  @Test
  void followUpInAThreadIsReadWithTheThreadsEarlierQuestion() throws Exception {
    slack.addToThread("C0CHAN", "1700000001.000100", "1700000001.000100", "U0ASKER",
        "<@" + FakeSlack.BOT_USER + "> " + AMAZON_QUESTION, null);
    slack.addToThread("C0CHAN", "1700000001.000100", "1700000001.000200", FakeSlack.BOT_USER,
        "OpenAI may deploy its models on Amazon Bedrock", "B0001");
    slack.addToThread("C0CHAN", "1700000001.000100", "1700000001.000300", "U0OTHER", "thanks, useful", null);
    JsonObject followUp = SignedRequests.mention("EvFollowUp", "C0CHAN", "1700000001.000400", "what about Google?");
    followUp.getAsJsonObject("event").addProperty("thread_ts", "1700000001.000100");

    requests.postJson(followUp, Map.of());

    FakeSlack.Call answer = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertEquals("1700000001.000100", answer.param("thread_ts"));
    assertTrue(answer.param("text").contains(GOOGLE_CLOUD_TITLE), answer.param("text"));
    assertTrue(answer.param("text").contains("Can OpenAI deploy its models on Google"), answer.param("text"));
    assertEquals("1700000001.000100", slack.calls("conversations.replies").get(0).param("ts"));
  }

  @Test
  void aQuestionThatNamesItsSubjectIsNotOverriddenByTheThread() throws Exception {
    slack.addToThread("C0CHAN", "1700000002.000100", "1700000002.000100", "U0ASKER",
        "<@" + FakeSlack.BOT_USER + "> " + AMAZON_QUESTION, null);
    JsonObject followUp = SignedRequests.mention("EvOwnSubject", "C0CHAN", "1700000002.000400",
        "Who invests in Anthropic?");
    followUp.getAsJsonObject("event").addProperty("thread_ts", "1700000002.000100");

    requests.postJson(followUp, Map.of());

    String text = slack.await("chat.postMessage", 1, WAIT).get(0).param("text");
    assertTrue(text.contains(ANTHROPIC_TITLE), text);
    assertFalse(text.contains("Read with the conversation"), text);
  }

  @Test
  void dmFollowUpWithinFifteenMinutesUsesTheLastQuestionAndLaterOneStandsAlone() throws Exception {
    requests.postJson(SignedRequests.directMessage("EvDm1", "D0DM", "1.1", AMAZON_QUESTION, null), Map.of());
    slack.await("chat.postMessage", 1, WAIT);
    clock.advance(Duration.ofMinutes(14));

    requests.postJson(SignedRequests.directMessage("EvDm2", "D0DM", "1.2", "what about Google?", null), Map.of());
    String soon = slack.await("chat.postMessage", 2, WAIT).get(1).param("text");
    clock.advance(Duration.ofMinutes(16));
    requests.postJson(SignedRequests.directMessage("EvDm3", "D0DM", "1.3", "what about Google?", null), Map.of());
    String late = slack.await("chat.postMessage", 3, WAIT).get(2).param("text");

    assertTrue(soon.contains(GOOGLE_CLOUD_TITLE), soon);
    assertTrue(late.contains(ANTHROPIC_TITLE), late);
    assertFalse(late.contains("Read with the conversation"), late);
  }

  @Test
  void thanksAfterAnAnswerInADmIsThanksNotAFollowUp() throws Exception {
    requests.postJson(SignedRequests.directMessage("EvDmQ", "D0DM", "2.1", AMAZON_QUESTION, null), Map.of());
    slack.await("chat.postMessage", 1, WAIT);

    requests.postJson(SignedRequests.directMessage("EvDmThanks", "D0DM", "2.2", "thanks!", null), Map.of());

    String text = slack.await("chat.postMessage", 2, WAIT).get(1).param("text");
    assertTrue(text.contains("You're welcome"), text);
  }

  @Test
  void feedbackClicksAreLoggedOncePerUserAndAnswerAndTheMessageShowsTheTally() throws Exception {
    requests.postJson(SignedRequests.mention("EvVote", "C0CHAN", "1.5", AMAZON_QUESTION), Map.of());
    FakeSlack.Call answer = slack.await("chat.postMessage", 1, WAIT).get(0);
    String helpful = SignedRequests.buttonValue(answer.param("blocks"), ReplyRenderer.HELPFUL_ACTION);
    String notHelpful = SignedRequests.buttonValue(answer.param("blocks"), ReplyRenderer.NOT_HELPFUL_ACTION);
    assertTrue(answer.param("blocks").contains("\"Helpful\""), answer.param("blocks"));
    assertTrue(answer.param("blocks").contains("\"Not helpful\""), answer.param("blocks"));
    JsonObject message = SignedRequests.message(answer);
    String ts = "1700000000.1001";

    click(ReplyRenderer.HELPFUL_ACTION, helpful, "U1", ts, message, "t1");
    slack.await("chat.update", 1, WAIT);
    click(ReplyRenderer.NOT_HELPFUL_ACTION, notHelpful, "U2", ts, message, "t2");
    slack.await("chat.update", 2, WAIT);
    click(ReplyRenderer.NOT_HELPFUL_ACTION, notHelpful, "U1", ts, message, "t3");
    slack.await("chat.update", 3, WAIT);
    click(ReplyRenderer.NOT_HELPFUL_ACTION, notHelpful, "U1", ts, message, "t4");
    List<FakeSlack.Call> updates = slack.await("chat.update", 4, WAIT);

    assertTrue(updates.get(0).param("blocks").contains("Helpful: 1 \u00b7 Not helpful: 0"),
        updates.get(0).param("blocks"));
    assertTrue(updates.get(3).param("blocks").contains("Helpful: 0 \u00b7 Not helpful: 2"),
        updates.get(3).param("blocks"));
    assertEquals(ts, updates.get(3).param("ts"));
    FeedbackLog log = FeedbackLog.in(indexDir);
    assertEquals(3, log.entries().size(), "the repeated click adds no entry");
    AnswerFeedback tally = log.answers(null).get(0);
    assertEquals("bedrock", tally.articleId());
    assertEquals(0, tally.helpful());
    assertEquals(2, tally.notHelpful());
    assertTrue(tally.passage().contains("Amazon Bedrock"), tally.passage());
    StringWriter out = new StringWriter();
    int exit = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "feedback", "--json",
        "--index", indexDir.toString());
    assertEquals(0, exit);
    assertTrue(out.toString().contains("\"not_helpful\":2"), out.toString());
    assertTrue(out.toString().contains("\"article\":\"bedrock\""), out.toString());
  }

  @Test
  void feedbackOnAPrivateAnswerIsShownThroughTheResponseUrl() throws Exception {
    requests.postForm(SignedRequests.form(SignedRequests.command(AMAZON_QUESTION, "U0ASKER",
        slack.responseUrl("private"), "trig-private")));
    FakeSlack.Call answer = slack.await("response_url", 1, WAIT).get(0);
    String helpful = SignedRequests.buttonValue(answer.param("blocks"), ReplyRenderer.HELPFUL_ACTION);

    requests.postForm(SignedRequests.click(ReplyRenderer.HELPFUL_ACTION, helpful, "U0ASKER", "C0CMD", null, null,
        slack.responseUrl("vote"), "trig-vote"));

    FakeSlack.Call shown = slack.await("response_url", 2, WAIT).get(1);
    assertEquals("true", shown.param("replace_original"));
    assertTrue(shown.param("blocks").contains("Helpful: 1 \u00b7 Not helpful: 0"), shown.param("blocks"));
    assertTrue(shown.param("blocks").contains("Share in channel"), shown.param("blocks"));
  }

  @Test
  void nextPageOfAPrivateAnswerKeepsItsShareButton() throws Exception {
    for (int i = 0; i < 6; i++) {
      archive.add(new InMemoryArchive.Doc("openai-" + i, "OpenAI deal " + i, "OpenAI models deal " + i + ".", "Wire",
          null, Instant.parse("2026-01-0" + (i + 1) + "T00:00:00Z")));
    }
    requests.postForm(SignedRequests.form(SignedRequests.command(AMAZON_QUESTION, "U0ASKER",
        slack.responseUrl("first"), "trig-first")));
    FakeSlack.Call first = slack.await("response_url", 1, WAIT).get(0);
    String more = SignedRequests.buttonValue(first.param("blocks"), ReplyRenderer.MORE_RESULTS_ACTION);

    requests.postForm(SignedRequests.click(ReplyRenderer.MORE_RESULTS_ACTION, more, "U0ASKER", "C0CMD", null, null,
        slack.responseUrl("next"), "trig-next"));

    FakeSlack.Call next = slack.await("response_url", 2, WAIT).get(1);
    assertEquals("true", next.param("replace_original"));
    assertTrue(next.param("blocks").contains("Share in channel"), next.param("blocks"));
    assertFalse(next.param("text").equals(first.param("text")));
  }

  private void click(String action, String value, String user, String ts, JsonObject message, String trigger)
      throws Exception {
    requests.postForm(SignedRequests.click(action, value, user, "C0CHAN", ts, message, slack.responseUrl(trigger),
        trigger));
  }
}
