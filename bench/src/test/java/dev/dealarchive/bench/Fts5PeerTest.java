package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Fts5PeerTest {
  @TempDir Path folder;

  @Test
  void buildsAndFindsTheExpectedHits() throws Exception {
    Path corpus = SmallCorpus.write(folder);
    BuildResult build = Fts5Peer.build(corpus, folder.resolve("peer.db"));
    assertEquals(3, build.articles());
    assertTrue(build.indexBytes() > 0);
    try (Fts5Peer peer = Fts5Peer.open(folder.resolve("peer.db"))) {
      List<PeerHit> cocoa = peer.search("cocoa", 10);
      assertEquals("a1", cocoa.get(0).id(), "the title match ranks first");
      assertEquals(3, cocoa.size());
      assertTrue(cocoa.get(0).snippet().contains("[cocoa]"), cocoa.get(0).snippet());
      assertEquals(List.of("a3"), peer.search("merger pennzoil", 10).stream().map(PeerHit::id).toList(),
          "every word must match");
      assertEquals(List.of("a2"), peer.search("export", 10).stream().map(PeerHit::id).toList(), "porter stems");
      assertTrue(peer.search("cocoa zebra", 10).isEmpty());
      assertTrue(peer.search("OR AND NEAR \"", 10).isEmpty(), "operators and quotes are plain strings");
    }
  }

  @Test
  void quotesEveryWord() {
    assertEquals("\"a\" \"b\"\"c\"", Fts5Peer.matchExpression("  a  b\"c "));
  }
}
