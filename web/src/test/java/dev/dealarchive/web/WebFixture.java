package dev.dealarchive.web;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An index of the bundled sample articles plus one hostile article (markup and script in every field), opened and
 * served on a loopback port chosen by the system.
 */
final class WebFixture implements AutoCloseable {
  /** The hostile article's title: it must show as these characters, never as an element. */
  static final String HOSTILE_TITLE = "<img src=x onerror=\"document.title='pwned'\">Zebrafish licence";
  static final String HOSTILE_ID = "hostile-1";

  final Path index;
  final ArchiveEngine archive;
  final WebServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private WebFixture(Path index, ArchiveEngine archive, WebServer server) {
    this.index = index;
    this.archive = archive;
    this.server = server;
  }

  /** Indexes into {@code temp} and starts a server with {@code settings}. */
  static WebFixture start(Path temp, WebSettings settings) throws IOException {
    Path hostile = temp.resolve("hostile.jsonl");
    Files.writeString(
        hostile,
        "{\"id\": \"" + HOSTILE_ID + "\", \"title\": \"" + HOSTILE_TITLE.replace("\"", "\\\"") + "\", "
            + "\"body\": \"<script>document.title='pwned'</script> A zebrafish research licence between two labs.\", "
            + "\"source\": \"<b>Evil</b> Wire\", \"url\": \"javascript:document.title='pwned'\", "
            + "\"published\": \"2025-03-03T00:00:00Z\", \"tags\": [\"<svg onload=alert(1)>\", \"zebrafish\"]}\n",
        StandardCharsets.UTF_8);
    Path index = temp.resolve("index");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(index)) {
      indexer.index(List.of(BundledData.folder(), hostile), IndexOptions.defaults(), IndexProgress.NONE);
    }
    ArchiveEngine archive = EmbeddedEngine.open(index);
    try {
      return new WebFixture(index, archive, WebServer.start(WebArchive.of(archive, index), settings));
    } catch (IOException | RuntimeException e) {
      archive.close();
      throw e;
    }
  }

  URI uri(String pathAndQuery) {
    return server.uri().resolve(pathAndQuery);
  }

  HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(String method, String pathAndQuery, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    if (headers.length > 0) {
      request.headers(headers);
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    try {
      server.close();
    } finally {
      http.close();
      archive.close();
    }
  }
}
