package dev.dealarchive.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelSettingsTest {
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  @TempDir Path indexDir;

  @Test
  void followsDigestsAndScopesSurviveAReloadAndARepeatedFollowIsNotDoubled() throws IOException {
    ChannelSettings settings = ChannelSettings.load(indexDir);
    assertTrue(settings.follow("C1", "OpenAI cloud", "U1", NOW).created());
    assertFalse(settings.follow("C1", "  openai   CLOUD ", "U2", NOW).created());
    assertEquals(2, settings.follow("C1", "battery", "U1", NOW).follow().number());
    assertEquals(1, settings.follow("C2", "battery", "U1", NOW).follow().number());
    settings.setDigest(new Digest("C1", "daily", "", "U1", NOW.toString(), null));
    settings.setScope(new Scope("C1", "source:Reuters", "UADMIN", NOW.toString()));

    ChannelSettings reloaded = ChannelSettings.load(indexDir);

    assertEquals(List.of("OpenAI cloud", "battery"), reloaded.follows("C1").stream().map(Follow::query).toList());
    assertEquals("daily", reloaded.digest("C1").orElseThrow().period());
    assertEquals("source:Reuters", reloaded.scope("C1").orElseThrow().filters());
    assertFalse(Files.exists(indexDir.resolve(ChannelSettings.FILE_NAME + ".tmp")));
  }

  @Test
  void unfollowKeepsTheOtherNumbersAndANewFollowTakesTheNextOne() throws IOException {
    ChannelSettings settings = ChannelSettings.load(indexDir);
    settings.follow("C1", "a", "U1", NOW);
    settings.follow("C1", "b", "U1", NOW);

    assertEquals("a", settings.unfollow("C1", 1).orElseThrow().query());
    assertTrue(settings.unfollow("C1", 1).isEmpty());
    assertEquals(3, settings.follow("C1", "c", "U1", NOW).follow().number());
    assertEquals(List.of(2, 3), ChannelSettings.load(indexDir).follows("C1").stream().map(Follow::number).toList());
  }

  @Test
  void aDamagedFileIsReportedNotReplaced() throws IOException {
    Files.writeString(indexDir.resolve(ChannelSettings.FILE_NAME), "{\"follows\": [", StandardCharsets.UTF_8);

    IOException e = assertThrows(IOException.class, () -> ChannelSettings.load(indexDir));

    assertTrue(e.getMessage().contains(ChannelSettings.FILE_NAME), e.getMessage());
  }
}
