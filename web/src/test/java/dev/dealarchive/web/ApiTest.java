package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.cli.ArchiveCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON API over plain HTTP: the same objects as the command line's --json, facets, errors, read-only. */
class ApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  static WebFixture web;

  @BeforeAll
  static void start() throws IOException {
    web = WebFixture.start(temp, WebSettings.loopback(0));
  }

  @AfterAll
  static void stop() throws IOException {
    web.close();
  }

  private static JsonNode cli(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--index");
    all.add(2, web.index.toString());
    int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
    assertEquals(0, code, err.toString());
    return JSON.readTree(out.toString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
    return JSON.readTree(response.body());
  }

  @Test
  void searchAnswersWithTheCommandLinesObjectPlusFacets() throws Exception {
    JsonNode api = json(web.get("/api/search?q=revenue+share"), 200);
    JsonNode facets = ((ObjectNode) api).remove("facets");
    assertEquals(cli("search", "--json", "revenue share"), api);
    assertTrue(facets.get("source").size() > 0, facets.toString());
    assertEquals(api.get("total").asLong(), sum(facets.get("year")), "every match is counted in one year");
    for (JsonNode count : facets.get("tag")) {
      assertTrue(count.get("value").isTextual() && count.get("count").asLong() > 0, count.toString());
    }
  }

  @Test
  void searchTakesLimitOffsetAndSortAsTheCommandLineDoes() throws Exception {
    JsonNode api = json(web.get("/api/search?q=cloud&limit=2&offset=1&sort=newest"), 200);
    ((ObjectNode) api).remove("facets");
    assertEquals(cli("search", "--json", "--limit", "2", "--offset", "1", "--sort", "newest", "cloud"), api);
    assertEquals(2, api.get("hits").size());
  }

  @Test
  void filtersBecomeTheQueryLanguagesFilters() throws Exception {
    JsonNode api = json(web.get("/api/search?q=cloud&tag=exclusivity&from=2025-01-01&to=2026-12-31"), 200);
    assertEquals("cloud tag:\"exclusivity\" after:2024-12-31 before:2027-01-01", api.get("query").asText());
    assertTrue(api.get("total").asLong() > 0);
    for (JsonNode hit : api.get("hits")) {
      assertTrue(hit.get("tags").toString().toLowerCase().contains("exclusivity"), hit.toString());
    }
    JsonNode tagFacet = api.get("facets").get("tag");
    assertTrue(tagFacet.toString().contains("{\"value\":\"exclusivity\",\"count\":" + api.get("total").asLong() + "}"),
        tagFacet.toString());
  }

  @Test
  void askAnswersWithTheCommandLinesObject() throws Exception {
    String question = "How much revenue share does OpenAI pay Microsoft?";
    JsonNode api = json(web.get("/api/ask?q=" + SearchState.encode(question)), 200);
    assertEquals(cli("ask", "--json", question), api);
    assertEquals("microsoft-openai-2026-04-28", api.get("answer").get("id").asText());
  }

  @Test
  void articleByIdIsTheWholeStoredArticle() throws Exception {
    String id = "https://dealdesk.example.com/2025/09/helios-tidewater-jv";
    JsonNode article = json(web.get("/api/articles/" + SearchState.encode(id)), 200);
    assertEquals(id, article.get("id").asText());
    assertTrue(article.get("body").asText().length() > 200, article.toString());
    assertTrue(article.get("tags").isArray());
    JsonNode missing = json(web.get("/api/articles/no-such-article"), 404);
    assertTrue(missing.get("error").asText().contains("no-such-article"), missing.toString());
  }

  @Test
  void statsAndHealth() throws Exception {
    JsonNode stats = json(web.get("/api/stats"), 200);
    assertEquals(cli("stats", "--json"), stats);
    JsonNode health = json(web.get("/healthz"), 200);
    assertEquals("ok", health.get("status").asText());
    assertEquals(stats.get("articles").asLong(), health.get("articles").asLong());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/search                        | q is required",
        "/api/search?q=cloud&limit=0        | limit must be between 1 and 100, not 0",
        "/api/search?q=cloud&limit=101      | limit must be between 1 and 100, not 101",
        "/api/search?q=cloud&limit=ten      | limit must be a whole number",
        "/api/search?q=cloud&offset=-1      | offset must be between 0 and 10000",
        "/api/search?q=cloud&sort=oldest    | sort must be relevance or newest",
        "/api/search?q=cloud&from=yesterday | from must be a day as YYYY-MM-DD",
        "/api/search?q=cloud&from=2026-01-02&to=2026-01-01 | to (2026-01-01) is before from (2026-01-02)",
        "/api/ask                           | q is required",
        "/api/ask?q=who&limit=1000          | limit must be between 1 and 100",
      })
  void badParametersAre400WithAMessageSayingWhich(String path, String message) throws Exception {
    JsonNode error = json(web.get(path), 400);
    assertTrue(error.get("error").asText().contains(message), error.toString());
    assertEquals(400, error.get("status").asInt());
  }

  @Test
  void overlongQueriesAreRefused() throws Exception {
    String longQuery = "cloud+".repeat(200);
    assertTrue(json(web.get("/api/search?q=" + longQuery), 400).get("error").asText().contains("at most 1000"));
    assertTrue(json(web.get("/api/ask?q=" + longQuery), 400).get("error").asText().contains("at most 1000"));
    assertEquals(400, web.get("/?q=" + longQuery).statusCode());
  }

  @Test
  void headAnswersWithTheHeadersOnly() throws Exception {
    HttpResponse<String> head = web.send("HEAD", "/?q=cloud", null);
    assertEquals(200, head.statusCode());
    assertEquals("", head.body());
    assertEquals("text/html; charset=utf-8", head.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void serveRefusesABadPortOrAddressBeforeOpeningAnything() {
    for (String[] args : List.of(new String[] {"--port", "70000"}, new String[] {"--bind", "no-such-host.invalid"})) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      List<String> all = new ArrayList<>(List.of("serve", "--index", temp.resolve("nothing-here").toString()));
      all.addAll(List.of(args));
      int code = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
      assertEquals(64, code, err.toString());
      assertTrue(err.toString().contains(args[0]), err.toString());
    }
  }

  @Test
  void unknownPathsAre404() throws Exception {
    assertEquals(404, json(web.get("/api/nothing"), 404).get("status").asInt());
    HttpResponse<String> page = web.get("/nothing/here");
    assertEquals(404, page.statusCode());
    assertTrue(page.body().contains("Not found"));
  }

  @Test
  void nothingWrites() throws Exception {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      HttpResponse<String> response = web.send(method, "/api/search?q=cloud", "{}");
      assertEquals(405, response.statusCode(), method);
      assertTrue(response.body().contains("read-only"), response.body());
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/?q=cloud", "/api/search?q=cloud", "/static/app.js", "/nothing")) {
      HttpResponse<String> response = web.get(path);
      assertEquals(WebServer.CONTENT_SECURITY_POLICY, response.headers().firstValue("Content-Security-Policy").orElse(""), path);
      assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
    }
    assertFalse(WebServer.CONTENT_SECURITY_POLICY.contains("unsafe"), "no inline script or style is allowed");
  }

  @Test
  void hostileArticleTextIsEscapedOnEveryPage() throws Exception {
    String results = web.get("/?q=zebrafish").body();
    String article = web.get("/article/" + WebFixture.HOSTILE_ID + "?q=zebrafish").body();
    for (String page : List.of(results, article)) {
      assertFalse(page.contains("<img"), page);
      assertFalse(page.contains("<script>document"), page);
      assertFalse(page.contains("<b>Evil"), page);
      assertFalse(page.contains("<svg onload"), page);
      assertTrue(page.contains("&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"), page);
    }
    assertFalse(article.contains("href=\"javascript:"), "a javascript: url is shown as text, never linked");
    assertTrue(article.contains("Original: javascript:document.title=&#39;pwned&#39;"), article);
  }

  @Test
  void servesWithNoPageWhenTheIndexCannotBeRead() throws Exception {
    WebArchive broken = new BrokenArchive();
    try (WebServer server = WebServer.start(broken, WebSettings.loopback(0));
        var client = java.net.http.HttpClient.newHttpClient()) {
      for (String path : List.of("/api/search?q=cloud", "/api/ask?q=cloud", "/api/stats", "/healthz", "/?q=cloud")) {
        HttpResponse<String> response =
            client.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, response.statusCode(), path + " " + response.body());
        assertTrue(response.body().contains("the index cannot be read"), response.body());
      }
    }
  }

  private static long sum(JsonNode counts) {
    long sum = 0;
    for (JsonNode count : counts) {
      sum += count.get("count").asLong();
    }
    return sum;
  }

  /** An archive whose index has gone: every read fails as Lucene's would. */
  private static final class BrokenArchive implements WebArchive {
    private static IOException gone() {
      return new java.nio.file.NoSuchFileException("/tmp/index/segments_3");
    }

    @Override
    public dev.dealarchive.search.SearchResult search(dev.dealarchive.search.SearchRequest request) throws IOException {
      throw gone();
    }

    @Override
    public dev.dealarchive.answer.AskResult ask(String question, int limit) throws IOException {
      throw gone();
    }

    @Override
    public dev.dealarchive.search.Facets facets(String query, int maxValues) throws IOException {
      throw gone();
    }

    @Override
    public java.util.Optional<dev.dealarchive.article.Article> article(String id) throws IOException {
      throw gone();
    }

    @Override
    public java.util.Map<String, Object> statsJson() throws IOException {
      throw gone();
    }

    @Override
    public long articleCount() throws IOException {
      throw gone();
    }
  }
}
