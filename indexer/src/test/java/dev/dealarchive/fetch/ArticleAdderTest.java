package dev.dealarchive.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.search.SearchRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleAdderTest {
  @TempDir Path temp;
  Path index;
  LocalServer server;

  private static String page(String title, String text) {
    return "<html><head><title>" + title + "</title><meta property=\"og:site_name\" content=\"Deal Wire\">"
        + "<meta property=\"article:published_time\" content=\"2026-04-28T09:00:00Z\"></head>"
        + "<body><nav>Home</nav><article><h1>" + title + "</h1><p>" + text + "</p></article></body></html>";
  }

  @BeforeEach
  void serve() throws IOException {
    index = temp.resolve("index");
    server =
        new LocalServer()
            .route("/a", e -> LocalServer.send(e, 200, "text/html", page("Nimbus buys Tidewater", "Nimbus acquires Tidewater Grid.")))
            .route("/b", e -> LocalServer.send(e, 200, "text/html", page("Orion backs Vega", "Orion invests in Vega Labs.")))
            .route("/empty", e -> LocalServer.send(e, 200, "text/html", "<html><body></body></html>"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ArticleAdder adder() {
    return IndexFolder.at(index).adder(FetchOptions.defaults().withAllowedHosts(Set.of("127.0.0.1")));
  }

  @Test
  void addsAPageAndSaysWhatItStored() throws IOException {
    try (ArticleAdder adder = adder()) {
      AddResult added = adder.add(server.uri("/a").toString());
      assertEquals(AddResult.Status.ADDED, added.status(), added.message());
      assertEquals("Nimbus buys Tidewater", added.title());
      assertEquals("Deal Wire", added.source());
      assertEquals(server.uri("/a").toString(), added.id());
      assertTrue(added.message().contains("2026-04-28"), added.message());
      assertEquals(AddResult.Status.UNCHANGED, adder.add(server.uri("/a")).status());
    }
    try (Archive archive = Archive.open(index)) {
      assertEquals(1, archive.search(SearchRequest.of("tidewater", 5)).total());
    }
  }

  @Test
  void queuesThePageWhileAnotherWriterHoldsTheIndexAndStoresItLater() throws IOException {
    try (ArticleAdder adder = adder()) {
      try (ArchiveIndexer busy = ArchiveIndexer.open(index)) {
        AddResult queued = adder.add(server.uri("/a").toString());
        assertEquals(AddResult.Status.QUEUED, queued.status(), queued.message());
        assertEquals(1, PendingAdds.list(index).size());
      }
      assertEquals(AddResult.Status.ADDED, adder.add(server.uri("/b").toString()).status());
    }
    assertTrue(PendingAdds.list(index).isEmpty());
    try (Archive archive = Archive.open(index)) {
      assertEquals(2, archive.articleCount());
    }
  }

  @Test
  void refusesUnsafeOrUnreadableUrlsWithAReason() {
    try (ArticleAdder adder = adder();
        ArticleAdder strict = IndexFolder.at(index).adder(FetchOptions.defaults())) {
      AddResult file = adder.add("file:///etc/passwd");
      assertFalse(file.ok());
      assertEquals(FetchFailure.SCHEME_NOT_ALLOWED, file.failure());
      assertEquals(FetchFailure.PRIVATE_ADDRESS, strict.add(server.uri("/a").toString()).failure());
      assertEquals(FetchFailure.UNREADABLE, adder.add(server.uri("/empty").toString()).failure());
      assertTrue(strict.add("http://169.254.169.254/latest/meta-data/").message().startsWith("Could not add"));
    }
  }
}
