package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.BundledData;
import dev.dealarchive.generate.FakeChatApi;
import dev.dealarchive.generate.FakeChatApi.Response;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archive ask} with a language model configured, against a stub of the chat-completions API. */
class AskWrittenAnswerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-cli-test-0a1b2c3d4e5f60718293";
  private static final String QUESTION = "How much revenue share does OpenAI pay Microsoft?";

  @TempDir static Path temp;
  static Path index;
  private FakeChatApi api;

  @BeforeAll
  static void indexBundledData() {
    index = temp.resolve("index");
    assertEquals(0, ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        "index", "--index", index.toString(), BundledData.folder().toString()));
  }

  @BeforeEach
  void start() throws IOException {
    api = new FakeChatApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private record Outcome(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return JSON.readTree(out);
    }
  }

  private Outcome ask(Map<String, String> environment, String... args) {
    CommandLine commandLine = ArchiveCommand.commandLine();
    ((AskCommand) commandLine.getSubcommands().get("ask").getCommand()).environment(environment);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "ask";
    all[1] = "--index";
    all[2] = index.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    int exit = commandLine.execute(all);
    return new Outcome(exit, out.toString(), err.toString());
  }

  private Map<String, String> configured() {
    Map<String, String> environment = new HashMap<>();
    environment.put("ARCHIVE_LLM_URL", api.baseUrl().toString());
    environment.put("ARCHIVE_LLM_MODEL", "stub-model");
    environment.put("ARCHIVE_LLM_API_KEY", KEY);
    return environment;
  }

  @Test
  void writtenAnswerIsAddedBesideTheExtractiveOneWithResolvedCitations() throws IOException {
    api.respond((request, attempt) -> Response.text("OpenAI pays Microsoft a capped 20% revenue share through 2030 [1]."));
    Outcome outcome = ask(configured(), "--json", QUESTION);
    assertEquals(0, outcome.exit(), outcome.err());
    JsonNode json = outcome.json();
    assertTrue(json.get("answer").get("text").asText().contains("20%"), "the extractive answer stays");
    JsonNode generated = json.get("generated");
    assertEquals("OpenAI pays Microsoft a capped 20% revenue share through 2030 [1].", generated.get("text").asText());
    assertEquals("stub-model-1", generated.get("model").asText());
    JsonNode citation = generated.get("citations").get(0);
    assertEquals(1, citation.get("n").asInt());
    assertEquals(json.get("answer").get("id").asText(), citation.get("id").asText(), "[1] is the answer's article");
    assertEquals(json.get("answer").get("title").asText(), citation.get("title").asText());
    assertTrue(citation.has("url"));
    assertTrue(api.received().get(0).user().contains("Question: " + QUESTION));
    assertFalse(outcome.out().contains(KEY) || outcome.err().contains(KEY));
  }

  @Test
  void textOutputShowsTheWrittenAnswerItsSourcesAndTheQuote() {
    api.respond((request, attempt) -> Response.text("OpenAI pays Microsoft a capped 20% revenue share through 2030 [1]."));
    Outcome outcome = ask(configured(), QUESTION);
    assertEquals(0, outcome.exit(), outcome.err());
    assertTrue(outcome.out().startsWith("OpenAI pays Microsoft a capped 20% revenue share through 2030 [1]."), outcome.out());
    assertTrue(outcome.out().contains("  [1] "), outcome.out());
    assertTrue(outcome.out().contains("written by stub-model-1"), outcome.out());
    assertTrue(outcome.out().contains("*20%*") || outcome.out().contains("20%"), outcome.out());
  }

  @Test
  void modelFailureFallsBackToTheQuotedAnswerWithANotice() throws IOException {
    api.respond((request, attempt) -> Response.status(500, null, "boom"));
    Outcome outcome = ask(configured(), "--json", QUESTION);
    assertEquals(0, outcome.exit(), outcome.err());
    JsonNode json = outcome.json();
    assertTrue(json.get("generated").isNull());
    assertFalse(json.get("answer").isNull());
    String notices = json.get("notices").toString();
    assertTrue(notices.contains("no written answer (the model's API answered HTTP 500: boom (3 attempts))"), notices);
  }

  @Test
  void noLlmAndAnUnsetUrlMakeNoCallAndKeepTheJsonAsBefore() throws IOException {
    Outcome off = ask(configured(), "--json", "--no-llm", QUESTION);
    assertEquals(0, off.exit(), off.err());
    assertFalse(off.json().has("generated"));
    Outcome unset = ask(Map.of(), "--json", QUESTION);
    assertFalse(unset.json().has("generated"));
    assertTrue(api.received().isEmpty());
  }

  @Test
  void aMalformedVariableStopsTheCommandNamingIt() {
    Map<String, String> environment = configured();
    environment.remove("ARCHIVE_LLM_MODEL");
    Outcome outcome = ask(environment, QUESTION);
    assertEquals(ExitCodes.FAILED, outcome.exit());
    assertTrue(outcome.err().contains("ARCHIVE_LLM_MODEL"), outcome.err());
    assertFalse(outcome.err().contains(KEY));
  }
}
