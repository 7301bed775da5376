package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** New interactions are acknowledged before their work is done, and failures reach the user with an error id. */
class ReliabilityBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ERROR_ID = "(?s).*error id `[0-9a-f]{8}`.*";

  @TempDir Path indexDir;
  private final InMemoryArchive archive = new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi());
  private FakeSlack slack;
  private LoopbackBot loopback;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        indexDir, Set.of());
    loopback = LoopbackBot.start(config, archive);
  }

  @AfterEach
  void stop() throws Exception {
    archive.gate = null;
    loopback.close();
    slack.close();
  }

  @Test
  void commandsAndClicksAreAcknowledgedWhileTheArchiveIsStillWorking() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    archive.gate = gate;

    HttpResponse<String> command = loopback.requests().postForm(SignedRequests.form(SignedRequests.command(
        "OpenAI revenue share", "U0ASKER", slack.responseUrl("slow"), "trig-slow")));
    HttpResponse<String> share = loopback.requests().postForm(SignedRequests.click(ReplyRenderer.SHARE_ACTION,
        "OpenAI revenue share", "U0ASKER", "C0CMD", null, null, slack.responseUrl("slow-share"), "trig-s"));
    HttpResponse<String> vote = loopback.requests().postForm(SignedRequests.click(ReplyRenderer.HELPFUL_ACTION,
        new FeedbackToken("OpenAI revenue share", "microsoft-openai-2026-04-28", "p").encode(), "U0ASKER", "C0CMD",
        null, null, slack.responseUrl("slow-vote"), "trig-v"));

    assertEquals(200, command.statusCode());
    assertEquals(200, share.statusCode());
    assertEquals(200, vote.statusCode());
    assertTrue(slack.calls("response_url").isEmpty(), "acknowledged before any answer");
    gate.countDown();
    slack.await("response_url", 3, WAIT);
    slack.await("chat.postMessage", 1, WAIT);
  }

  @Test
  void aFailedVoteReachesTheUserWithAnErrorId() throws Exception {
    archive.broken = true;

    loopback.requests().postForm(SignedRequests.click(ReplyRenderer.HELPFUL_ACTION,
        new FeedbackToken("OpenAI revenue share", "microsoft-openai-2026-04-28", "p").encode(), "U0ASKER", "C0CMD",
        null, null, slack.responseUrl("vote"), "trig-v"));

    String text = slack.await("response_url", 1, WAIT).get(0).param("text");
    assertTrue(text.matches(ERROR_ID), text);
  }

  @Test
  void aFollowThatCannotBeStoredReachesTheUserWithAnErrorId() throws Exception {
    // A directory where the settings' temporary file must go makes the atomic write fail.
    Files.createDirectories(indexDir.resolve("channel-settings.json.tmp"));

    loopback.requests().postForm(SignedRequests.form(SignedRequests.command("follow OpenAI cloud", "U0ASKER",
        slack.responseUrl("follow"), "trig-f")));

    String text = slack.await("response_url", 1, WAIT).get(0).param("text");
    assertTrue(text.matches(ERROR_ID), text);
  }
}
