package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a language model configured, /api/ask carries the written answer and the page's card asks for it. */
class WrittenAnswerWebTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUESTION = "How much revenue share does OpenAI pay Microsoft?";
  private static final String WRITTEN = "OpenAI pays Microsoft a capped 20% revenue share through 2030 [1].";

  @TempDir static Path temp;
  static StubChatModel model;
  static WebFixture web;

  @BeforeAll
  static void start() throws Exception {
    model = new StubChatModel(WRITTEN);
    web = WebFixture.start(temp, WebSettings.loopback(0).withLlm(model.settings()));
  }

  @AfterAll
  static void stop() throws Exception {
    web.close();
    model.close();
  }

  @Test
  void apiAskAddsTheWrittenAnswerWithResolvedCitations() throws Exception {
    HttpResponse<String> response = web.get("/api/ask?q=" + SearchState.encode(QUESTION));
    assertEquals(200, response.statusCode());
    JsonNode json = JSON.readTree(response.body());
    assertEquals(WRITTEN, json.get("generated").get("text").asText());
    assertEquals(json.get("answer").get("id").asText(), json.get("generated").get("citations").get(0).get("id").asText());
    assertTrue(json.get("answer").get("text").asText().contains("20%"), "the quoted answer stays");
  }

  @Test
  void llmZeroAsksForTheQuotedAnswerAlone() throws Exception {
    int before = model.calls();
    JsonNode json = JSON.readTree(web.get("/api/ask?llm=0&q=" + SearchState.encode(QUESTION)).body());
    assertFalse(json.has("generated"));
    assertEquals(before, model.calls(), "no model call");
  }

  @Test
  void pageShowsTheQuotedAnswerAtOnceAndLeavesThePlaceForTheWrittenOne() throws Exception {
    int before = model.calls();
    String page = web.get("/?q=" + SearchState.encode(QUESTION)).body();
    assertTrue(page.contains("id=\"written\""), page);
    assertTrue(page.contains("data-question=\"" + Html.escape(QUESTION) + "\""), page);
    assertTrue(page.contains("answer-passage"));
    assertEquals(before, model.calls(), "the page itself does not wait for the model");
  }
}
