package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BotConfigTest {
  private static final Map<String, String> SOCKET =
      Map.of("SLACK_BOT_TOKEN", "xoxb-test", "SLACK_APP_TOKEN", "xapp-test");

  @Test
  void socketModeReadsTokensAndDefaults() {
    BotConfig config = BotConfig.fromEnvironment(SOCKET, BotConfig.Mode.SOCKET, null);

    assertEquals("xoxb-test", config.botToken());
    assertEquals("xapp-test", config.appToken());
    assertEquals("https://slack.com/api/", config.methodsEndpointUrlPrefix());
    assertEquals(Path.of("index"), config.indexDir());
    assertTrue(config.admins().isEmpty());
  }

  @Test
  void missingVariableStopsStartUpNamingIt() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test"), BotConfig.Mode.SOCKET, null));

    assertEquals("SLACK_APP_TOKEN", e.variable());
    assertTrue(e.getMessage().startsWith("SLACK_APP_TOKEN"));
  }

  @Test
  void malformedTokenIsNamedWithoutShowingItsValue() {
    ConfigException e = assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(
        Map.of("SLACK_BOT_TOKEN", "xapp-test-wrong-kind", "SLACK_APP_TOKEN", "xapp-test"), BotConfig.Mode.SOCKET,
        null));

    assertEquals("SLACK_BOT_TOKEN", e.variable());
    assertFalse(e.getMessage().contains("wrong-kind"));
  }

  @Test
  void httpModeNeedsTheSigningSecret() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-test"), BotConfig.Mode.HTTP, null));

    assertEquals("SLACK_SIGNING_SECRET", e.variable());
  }

  @Test
  void consoleModeNeedsNoSlackVariable() {
    BotConfig config = BotConfig.fromEnvironment(Map.of("ARCHIVE_INDEX", "/tmp/idx"), BotConfig.Mode.CONSOLE, null);

    assertNull(config.botToken());
    assertEquals(Path.of("/tmp/idx"), config.indexDir());
  }

  @Test
  void apiUrlIsNormalisedAndMalformedOnesAreRefused() {
    Map<String, String> env = new HashMap<>(SOCKET);
    env.put("SLACK_API_URL", "http://127.0.0.1:9999/api/");
    assertEquals("http://127.0.0.1:9999/api/",
        BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null).methodsEndpointUrlPrefix());

    env.put("SLACK_API_URL", "ftp://example");
    ConfigException e =
        assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null));
    assertEquals("SLACK_API_URL", e.variable());
  }

  @Test
  void adminsAreCommaSeparatedUserIds() {
    Map<String, String> env = new HashMap<>(SOCKET);
    env.put("ARCHIVE_ADMINS", "U012AB3CD, W0ADMIN2");
    BotConfig config = BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, Path.of("given"));

    assertEquals(Set.of("U012AB3CD", "W0ADMIN2"), config.admins());
    assertTrue(config.isAdmin("W0ADMIN2"));
    assertFalse(config.isAdmin("U0OTHER"));
    assertEquals(Path.of("given"), config.indexDir());

    env.put("ARCHIVE_ADMINS", "alice");
    assertEquals("ARCHIVE_ADMINS", assertThrows(ConfigException.class,
        () -> BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null)).variable());
  }

  @Test
  void anyoneMayAddArticlesUnlessArchiveAddIsAdmins() {
    Map<String, String> env = new HashMap<>(SOCKET);
    env.put("ARCHIVE_ADMINS", "UADMIN1");
    BotConfig open = BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null);
    env.put("ARCHIVE_ADD", " Admins ");
    BotConfig restricted = BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null);
    env.put("ARCHIVE_ADD", "all");
    BotConfig explicitlyOpen = BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null);

    assertEquals(BotConfig.AddPolicy.ALL, open.addPolicy());
    assertTrue(open.mayAdd("U0ANYONE"));
    assertEquals(BotConfig.AddPolicy.ADMINS, restricted.addPolicy());
    assertTrue(restricted.mayAdd("UADMIN1"));
    assertFalse(restricted.mayAdd("U0ANYONE"));
    assertFalse(restricted.mayAdd(null));
    assertTrue(explicitlyOpen.mayAdd("U0ANYONE"));
  }

  @Test
  void unknownArchiveAddValueStopsStartUpNamingIt() {
    Map<String, String> env = new HashMap<>(SOCKET);
    env.put("ARCHIVE_ADD", "everyone-but-bob");

    ConfigException e =
        assertThrows(ConfigException.class, () -> BotConfig.fromEnvironment(env, BotConfig.Mode.SOCKET, null));

    assertEquals("ARCHIVE_ADD", e.variable());
    assertTrue(e.getMessage().startsWith("ARCHIVE_ADD "), e.getMessage());
    assertTrue(e.getMessage().contains("all") && e.getMessage().contains("admins"), e.getMessage());
  }

  @Test
  void toStringNeverShowsSecrets() {
    BotConfig config = new BotConfig("xoxb-test-hidden", "xapp-test-hidden", "secret-hidden", null, Path.of("i"),
        Set.of());

    String shown = config.toString();

    assertFalse(shown.contains("hidden"), shown);
    assertTrue(shown.contains("botToken=set"));
  }
}
