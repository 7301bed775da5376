package dev.dealarchive.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
  @Test
  void withoutAnUrlTheEmbeddedIndexStaysInUse() {
    assertNull(ClusterConfig.resolve(null, null, Map.of()));
    assertNull(ClusterConfig.resolve(" ", null, Map.of("ARCHIVE_OPENSEARCH_INDEX", "x")));
  }

  @Test
  void optionsWinOverTheEnvironmentAndTheIndexDefaultsToArchive() {
    ClusterConfig fromEnv = ClusterConfig.resolve(null, null, Map.of("ARCHIVE_OPENSEARCH_URL", "https://a:9200"));
    assertEquals(List.of(URI.create("https://a:9200")), fromEnv.urls());
    assertEquals("archive", fromEnv.index());
    ClusterConfig fromOption = ClusterConfig.resolve("http://b:9200, http://c:9200", "deals",
        Map.of("ARCHIVE_OPENSEARCH_URL", "https://a:9200", "ARCHIVE_OPENSEARCH_INDEX", "other"));
    assertEquals(List.of(URI.create("http://b:9200"), URI.create("http://c:9200")), fromOption.urls());
    assertEquals("deals", fromOption.index());
    assertEquals("deals-state", fromOption.stateIndex());
  }

  @Test
  void thePasswordComesFromTheEnvironmentAndIsNeverPrinted() {
    ClusterConfig config = ClusterConfig.resolve("https://a:9200", null,
        Map.of("ARCHIVE_OPENSEARCH_USER", "archivist", "ARCHIVE_OPENSEARCH_PASSWORD", "s3cret-Value"));
    assertEquals("archivist", config.user());
    assertEquals("s3cret-Value", config.password());
    assertFalse(config.toString().contains("s3cret"), config.toString());
    IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
        () -> ClusterConfig.resolve("https://a:9200", null, Map.of("ARCHIVE_OPENSEARCH_USER", "archivist")));
    assertTrue(half.getMessage().contains("ARCHIVE_OPENSEARCH_PASSWORD"), half.getMessage());
  }

  @Test
  void badUrlsAndIndexNamesAreRefusedWithTheReason() {
    IllegalArgumentException scheme =
        assertThrows(IllegalArgumentException.class, () -> ClusterConfig.parseUrls("ftp://a:9200"));
    assertTrue(scheme.getMessage().contains("http://"), scheme.getMessage());
    IllegalArgumentException credentials =
        assertThrows(IllegalArgumentException.class, () -> ClusterConfig.parseUrls("https://u:p@a:9200"));
    assertTrue(credentials.getMessage().contains("ARCHIVE_OPENSEARCH_USER"), credentials.getMessage());
    assertFalse(credentials.getMessage().contains("u:p"), credentials.getMessage());
    IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
        () -> ClusterConfig.resolve("http://a:9200", "Deals", Map.of()));
    assertTrue(index.getMessage().contains("\"Deals\""), index.getMessage());
  }
}
