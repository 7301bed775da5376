package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadersTest {

  @Test
  void readerIsChosenByExtensionIgnoringCase() {
    assertEquals("markdown", format("news/deal.md"));
    assertEquals("markdown", format("DEAL.MARKDOWN"));
    assertEquals("text", format("deal.txt"));
    assertEquals("html", format("page.HTM"));
    assertEquals("html", format("page.html"));
    assertEquals("json", format("corpus.jsonl"));
    assertEquals("json", format("deals.json"));
    assertEquals("feed", format("wire.rss"));
    assertEquals("feed", format("ledger.atom"));
    assertEquals("feed", format("feed.xml"));
  }

  @Test
  void otherFilesHaveNoReader() {
    assertEquals(Optional.empty(), Readers.forFile(Path.of("photo.png")));
    assertEquals(Optional.empty(), Readers.forFile(Path.of("README")));
    assertEquals(Optional.empty(), Readers.forFile(Path.of("archive.md.gz")));
    assertEquals(Optional.empty(), Readers.forFile(Path.of("/")));
  }

  @Test
  void extensionsListEveryFormat() {
    Set<String> extensions = Readers.extensions();

    assertTrue(
        extensions.containsAll(
            Set.of("md", "markdown", "txt", "html", "htm", "json", "jsonl", "xml", "rss", "atom")));
    extensions.forEach(extension -> assertTrue(Readers.forFile(Path.of("x." + extension)).isPresent(), extension));
  }

  private static String format(String file) {
    return Readers.forFile(Path.of(file)).orElseThrow().format();
  }
}
