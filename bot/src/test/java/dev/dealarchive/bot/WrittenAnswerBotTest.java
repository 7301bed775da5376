package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.generate.LlmSettings;
import dev.dealarchive.indexing.ArchiveIndexer;
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

/** With a language model configured, the quoted answer is posted at once and then updated with the written one. */
class WrittenAnswerBotTest {
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String QUESTION = "what revenue share does OpenAI pay Microsoft?";
  private static final String TITLE = "Microsoft and OpenAI make their partnership non-exclusive";
  private static final String WRITTEN = "OpenAI pays Microsoft a revenue share capped at 20% until 2030 [1].";

  @TempDir Path indexDir;

  private FakeSlack slack;
  private LocalArchive archive;
  private StubChatModel model;
  private LoopbackBot loopback;

  @BeforeEach
  void index() throws Exception {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      indexer.indexDrafts("test-articles", List.of(new ArticleDraft("microsoft-openai-2026-04-28", TITLE,
          "Microsoft and OpenAI said on Tuesday that their partnership is no longer exclusive. OpenAI will pay "
              + "Microsoft a revenue share capped at 20% through 2030.", Instant.parse("2026-04-28T09:00:00Z"),
          "Example Wire", "https://news.example/microsoft-openai", List.of(), List.of(), 0)));
    }
    slack = new FakeSlack();
    archive = LocalArchive.open(indexDir);
  }

  private void startBot(int modelStatus, String modelText) throws Exception {
    model = new StubChatModel(modelStatus, modelText);
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()), indexDir,
        Set.of()).withLlm(new LlmSettings(model.baseUrl(), "stub-model", "sk-bot-test-key-123456", Duration.ofSeconds(5)));
    loopback = LoopbackBot.start(config, archive);
  }

  @AfterEach
  void stop() throws Exception {
    if (loopback != null) {
      loopback.close();
    }
    archive.close();
    slack.close();
    if (model != null) {
      model.close();
    }
  }

  @Test
  void mentionIsAnsweredAtOnceThenUpdatedWithTheCitedWrittenAnswer() throws Exception {
    startBot(200, WRITTEN);
    loopback.requests().postJson(SignedRequests.mention("EvLlm1", "C0CHAN", "1700000100.000100", QUESTION), Map.of());

    FakeSlack.Call posted = slack.await("chat.postMessage", 1, WAIT).get(0);
    assertTrue(posted.param("text").contains("20%"), "the quoted answer comes first: " + posted.param("text"));
    assertFalse(posted.param("text").contains("[1]"));
    FakeSlack.Call updated = slack.await("chat.update", 1, WAIT).get(0);
    assertEquals("C0CHAN", updated.param("channel"));
    assertTrue(updated.param("ts").startsWith("1700000000."), "the posted message is the one updated");
    assertTrue(updated.param("text").startsWith(WRITTEN), updated.param("text"));
    assertTrue(updated.param("blocks").contains("[1] <https://news.example/microsoft-openai|" + TITLE + ">"),
        updated.param("blocks"));
    assertTrue(updated.param("text").contains("20%"), "the quoted answer stays below");
    assertTrue(model.requests().get(0).contains("revenue share capped at 20%"), "the model got the passage");
  }

  @Test
  void aFailingModelLeavesTheQuotedAnswerAndSaysWhy() throws Exception {
    startBot(500, null);
    loopback.requests().postJson(SignedRequests.mention("EvLlm2", "C0CHAN", "1700000200.000100", QUESTION), Map.of());

    slack.await("chat.postMessage", 1, WAIT);
    FakeSlack.Call updated = slack.await("chat.update", 1, WAIT).get(0);
    assertTrue(updated.param("text").startsWith("_No written answer (the model's API answered HTTP 500: stub failure"),
        updated.param("text"));
    assertTrue(updated.param("text").contains("20%"));
  }

  @Test
  void privateSlashAnswerIsReplacedInPlaceWithTheWrittenAnswer() throws Exception {
    startBot(200, WRITTEN);
    loopback.requests().postForm(SignedRequests.form(SignedRequests.command(QUESTION, "U0ASKER",
        slack.responseUrl("llm"), "trig-llm")));

    List<FakeSlack.Call> responses = slack.await("response_url", 2, WAIT);
    assertEquals("ephemeral", responses.get(0).param("response_type"));
    assertFalse(responses.get(0).param("text").contains("[1]"));
    assertEquals("true", responses.get(1).param("replace_original"));
    assertTrue(responses.get(1).param("text").startsWith(WRITTEN), responses.get(1).param("text"));
  }

  @Test
  void modelVariablesAreCheckedAtStartUpAndTheKeyIsNeverShown() {
    ConfigException missing = assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(
        Map.of("ARCHIVE_LLM_URL", "http://localhost:11434/v1"), BotConfig.Mode.CONSOLE, indexDir));
    assertEquals("ARCHIVE_LLM_MODEL", missing.variable());
    BotConfig config = BotConfig.fromEnvironment(Map.of("ARCHIVE_LLM_URL", "http://localhost:11434/v1",
        "ARCHIVE_LLM_MODEL", "llama3.2", "ARCHIVE_LLM_API_KEY", "sk-secret-value-987"), BotConfig.Mode.CONSOLE, indexDir);
    assertEquals("llama3.2", config.llm().model());
    assertFalse(config.toString().contains("sk-secret-value-987"), config.toString());
  }
}
