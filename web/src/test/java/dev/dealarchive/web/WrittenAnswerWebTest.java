package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.dealarchive.generate.LlmSettings;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
  static HttpServer model;
  static final AtomicInteger modelCalls = new AtomicInteger();
  static WebFixture web;

  @BeforeAll
  static void start() throws Exception {
    // A stand-in for an OpenAI-compatible chat-completions API: always the same cited answer.
    model = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    model.createContext("/v1/chat/completions", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        modelCalls.incrementAndGet();
        ObjectNode root = JSON.createObjectNode().put("model", "stub-model");
        root.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", WRITTEN);
        byte[] bytes = JSON.writeValueAsBytes(root);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    model.start();
    URI url = URI.create("http://127.0.0.1:" + model.getAddress().getPort() + "/v1");
    web = WebFixture.start(temp, WebSettings.loopback(0).withLlm(new LlmSettings(url, "stub-model", null, Duration.ofSeconds(5))));
  }

  @AfterAll
  static void stop() throws Exception {
    web.close();
    model.stop(0);
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
    int before = modelCalls.get();
    JsonNode json = JSON.readTree(web.get("/api/ask?llm=0&q=" + SearchState.encode(QUESTION)).body());
    assertFalse(json.has("generated"));
    assertEquals(before, modelCalls.get(), "no model call");
  }

  @Test
  void pageShowsTheQuotedAnswerAtOnceAndLeavesThePlaceForTheWrittenOne() throws Exception {
    int before = modelCalls.get();
    String page = web.get("/?q=" + SearchState.encode(QUESTION)).body();
    assertTrue(page.contains("id=\"written\""), page);
    assertTrue(page.contains("data-question=\"" + Html.escape(QUESTION) + "\""), page);
    assertTrue(page.contains("answer-passage"));
    assertEquals(before, modelCalls.get(), "the page itself does not wait for the model");
  }
}
