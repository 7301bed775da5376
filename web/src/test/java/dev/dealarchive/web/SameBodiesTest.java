package dev.dealarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.read.ReadOptions;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages and API bodies are byte for byte those of the checked-in record ({@code same-bodies.txt}: status, content type
 * and SHA-256 of the body per request), made before the request path was made cheaper: searches, questions with the
 * answer card, filters, facets, pages, newest first, dates, the timeline by month and by year, articles, the API and
 * errors, over the bundled articles, a hostile one and 1,300 generated ones (totals over 1,000, many tags and months).
 * After a change meant to alter a page, rewrite the record with {@code -Dweb.sameBodies.update=true} and review its
 * diff; {@code -Dweb.sameBodies.dump=DIR} writes each body to {@code DIR/N.body} to compare two builds' bodies.
 */
class SameBodiesTest {
  private static final Path RECORD = Path.of("src/test/resources/dev/dealarchive/web/same-bodies.txt");
  private static final String[] SOURCES = {"Alpha Wire", "Beta News", "Gamma & Daily", "Delta <Post>", "Epsilon"};
  private static final String[] TAGS = {"cloud", "energy", "licensing", "chips", "retail", "health", "banks", "a\"b"};
  private static final String[] WORDS = {"merger", "licence", "venture", "stake", "supply", "exclusive"};

  private static final String DUMP = System.getProperty("web.sameBodies.dump");

  @TempDir Path temp;

  @Test
  void pagesAndApiBodiesAreThoseRecorded() throws Exception {
    Path index = index();
    List<String> lines = new ArrayList<>();
    try (ArchiveEngine archive = EmbeddedEngine.open(index);
        WebServer server = WebServer.start(WebArchive.of(archive, index), WebSettings.loopback(0));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
      for (String path : paths(archive)) {
        HttpResponse<byte[]> response = http.send(
            HttpRequest.newBuilder(server.uri().resolve(URI.create(path))).timeout(Duration.ofSeconds(20)).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (DUMP != null) {
          Files.createDirectories(Path.of(DUMP));
          Files.write(Path.of(DUMP, lines.size() + ".body"), response.body());
        }
        lines.add(response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-") + " "
            + sha256(response.body()) + " " + path);
      }
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("web.sameBodies.update")) {
      Files.createDirectories(RECORD.getParent());
      Files.writeString(RECORD, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.isRegularFile(RECORD), "no record at " + RECORD.toAbsolutePath());
    List<String> expected = Files.readAllLines(RECORD, StandardCharsets.UTF_8);
    List<String> differ = new ArrayList<>();
    for (int i = 0; i < Math.min(expected.size(), lines.size()); i++) {
      if (!expected.get(i).equals(lines.get(i))) {
        differ.add("recorded " + expected.get(i) + "\n     now " + lines.get(i));
      }
    }
    assertEquals(List.of(), differ, differ.size() + " of " + lines.size() + " requests answered differently");
    assertEquals(expected.size(), lines.size(), "number of requests");
  }

  private List<String> paths(ArchiveEngine archive) throws IOException {
    List<String> paths = new ArrayList<>(List.of(
        "/", "/healthz", "/static/app.css", "/nothing-here", "/api/nothing",
        "/?q=", "/?q=%20%20", "/?q=nosuchwordanywhere", "/?q=" + SearchState.encode(WebFixture.HOSTILE_TITLE),
        "/api/search", "/api/ask", "/api/search?q=x&limit=0", "/api/search?q=x&sort=sideways", "/?q=x&page=0",
        "/article/no-such-id", "/api/articles/no-such-id"));
    List<String> queries = List.of(
        "microsoft openai", "cloud", "licence", "partnership", "revenue share", "\"revenue share\"", "zebrafish",
        "merger venture", "merger nosuchword", "stake -licence", "exclusive source:\"Beta News\"", "licence tag:energy",
        "venture after:2020-06-01 before:2022-01-01", "merger OR stake tag:chips", "tag:banks", "source:Epsilon",
        "Is Microsoft still OpenAI's only cloud provider?", "who licensed the zebrafish research?",
        "what did helios agree about the grid?", "how much revenue does openai share with microsoft",
        "what did merger agree about supply?", "microsfot openai", "<script>alert(1)</script> cloud");
    for (String query : queries) {
      String q = SearchState.encode(query);
      paths.add("/?q=" + q);
      paths.add("/?q=" + q + "&page=2");
      paths.add("/?q=" + q + "&sort=newest");
      paths.add("/?q=" + q + "&source=Alpha+Wire&tag=cloud");
      paths.add("/?q=" + q + "&from=2020-01-01&to=2021-06-30");
      paths.add("/api/search?q=" + q);
      paths.add("/api/search?q=" + q + "&limit=3&offset=2&sort=newest");
      paths.add("/api/ask?q=" + q);
      paths.add("/api/ask?q=" + q + "&limit=2");
      for (SearchHit hit : archive.search(SearchRequest.of(query, 2)).hits()) {
        paths.add(Pages.articleUrl(hit.id(), query));
        paths.add("/api/articles/" + SearchState.encode(hit.id()).replace("+", "%20"));
      }
    }
    paths.add(Pages.articleUrl(WebFixture.HOSTILE_ID, "zebrafish licence"));
    paths.add(Pages.articleUrl(WebFixture.HOSTILE_ID, ""));
    return paths;
  }

  /** The bundled articles, the hostile one, and generated ones over 14 years with many sources, tags and months. */
  private Path index() throws IOException {
    Path hostile = temp.resolve("hostile.jsonl");
    Files.writeString(
        hostile,
        "{\"id\": \"" + WebFixture.HOSTILE_ID + "\", \"title\": \""
            + WebFixture.HOSTILE_TITLE.replace("\"", "\\\"") + "\", "
            + "\"body\": \"<script>document.title='pwned'</script> A zebrafish research licence between two labs.\", "
            + "\"source\": \"<b>Evil</b> Wire\", \"url\": \"javascript:document.title='pwned'\", "
            + "\"published\": \"2025-03-03T00:00:00Z\", \"tags\": [\"<svg onload=alert(1)>\", \"zebrafish\"]}\n",
        StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 1_300; i++) {
      String words = "partnership ".repeat(1 + i % 4) + WORDS[i % WORDS.length] + " " + WORDS[(i / 7) % WORDS.length];
      String date = i % 13 == 0 ? null : LocalDate.of(2012, 1, 1).plusDays((i * 37L) % 5_100) + "T08:00:00Z";
      String tags = i % 11 == 0 ? "[]"
          : "[\"%s\", \"%s\"]".formatted(TAGS[i % TAGS.length], TAGS[(i / 3) % TAGS.length]).replace("a\"b", "a\\\"b");
      lines.add("{\"id\": \"g%d\", \"title\": \"Deal %d %s\", \"body\": \"A %s between two companies, number %d. "
          .formatted(i, i, words, words, i)
          + "The cloud supply deal was signed.\\n\\nA second paragraph on the merger.\", "
          + "\"source\": \"%s\", %s\"tags\": %s, \"url\": \"https://example.com/deal/%d?a=1&b=2\"}".formatted(
              SOURCES[i % SOURCES.length], date == null ? "" : "\"published\": \"" + date + "\", ", tags, i));
    }
    Path generated = temp.resolve("generated.jsonl");
    Files.writeString(generated, String.join("\n", lines), StandardCharsets.UTF_8);
    Path index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      // One thread, so the articles' order in the index, and with it a lower-bound total ("1,000+"), is repeatable.
      indexer.index(List.of(BundledData.folder(), hostile, generated), new IndexOptions(ReadOptions.defaults(), 1, false),
          IndexProgress.NONE);
    }
    return index;
  }

  private static String sha256(byte[] body) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
  }
}
