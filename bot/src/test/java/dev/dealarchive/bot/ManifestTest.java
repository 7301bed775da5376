package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest asks for what the bot's features call: scopes, events, interactivity and the Home tab. */
class ManifestTest {
  private static JsonNode manifest() throws Exception {
    return new ObjectMapper(new YAMLFactory()).readTree(Path.of("slack-app-manifest.yml").toFile());
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asText()));
    return values;
  }

  @Test
  void scopesCoverThreadsDmsPublicChannelsAndCommands() throws Exception {
    List<String> scopes = texts(manifest().at("/oauth_config/scopes/bot"));

    for (String needed : List.of("app_mentions:read", "chat:write", "chat:write.public", "commands",
        "channels:history", "groups:history", "im:history", "mpim:history", "im:read", "im:write")) {
      assertTrue(scopes.contains(needed), needed + " missing from " + scopes);
    }
  }

  @Test
  void eventsInteractivityAndHomeTabAreOn() throws Exception {
    JsonNode manifest = manifest();

    assertTrue(texts(manifest.at("/settings/event_subscriptions/bot_events")).containsAll(
        List.of("app_mention", "message.im", "app_home_opened")));
    assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean());
    assertTrue(manifest.at("/features/app_home/home_tab_enabled").asBoolean());
    assertEquals(SlackBot.COMMAND, manifest.at("/features/slash_commands/0/command").asText());
  }
}
