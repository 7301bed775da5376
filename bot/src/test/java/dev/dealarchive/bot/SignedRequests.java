package dev.dealarchive.bot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds Slack payloads and sends them to the bot signed exactly as Slack signs them. */
final class SignedRequests {
  static final String SECRET = "test-signing-secret";

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI events;

  SignedRequests(int port) {
    this.events = URI.create("http://127.0.0.1:" + port + HttpBotServer.EVENTS_PATH);
  }

  /** An app_mention event callback. */
  static JsonObject mention(String eventId, String channel, String ts, String text) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "app_mention");
    event.addProperty("user", "U0ASKER");
    event.addProperty("text", "<@" + FakeSlack.BOT_USER + "> " + text);
    event.addProperty("ts", ts);
    event.addProperty("channel", channel);
    event.addProperty("event_ts", ts);
    return callback(eventId, event);
  }

  /** A direct message event callback. */
  static JsonObject directMessage(String eventId, String channel, String ts, String text, String botId) {
    JsonObject event = new JsonObject();
    event.addProperty("type", "message");
    event.addProperty("channel_type", "im");
    event.addProperty("user", botId == null ? "U0ASKER" : FakeSlack.BOT_USER);
    if (botId != null) {
      event.addProperty("bot_id", botId);
    }
    event.addProperty("text", text);
    event.addProperty("ts", ts);
    event.addProperty("channel", channel);
    event.addProperty("event_ts", ts);
    return callback(eventId, event);
  }

  static JsonObject callback(String eventId, JsonObject event) {
    JsonObject body = new JsonObject();
    body.addProperty("token", "legacy-unused");
    body.addProperty("team_id", "T0001");
    body.addProperty("api_app_id", "A0001");
    body.add("event", event);
    body.addProperty("type", "event_callback");
    body.addProperty("event_id", eventId);
    body.addProperty("event_time", Instant.now().getEpochSecond());
    return body;
  }

  /** The form fields of a slash command. */
  static Map<String, String> command(String text, String user, String responseUrl, String triggerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "legacy-unused");
    form.put("team_id", "T0001");
    form.put("team_domain", "fake");
    form.put("channel_id", "C0CMD");
    form.put("channel_name", "general");
    form.put("user_id", user);
    form.put("user_name", "someone");
    form.put("command", SlackBot.COMMAND);
    form.put("text", text);
    form.put("api_app_id", "A0001");
    form.put("response_url", responseUrl);
    form.put("trigger_id", triggerId);
    return form;
  }

  /**
   * A block_actions payload for a click on a button.
   *
   * @param messageTs the clicked message's ts, or {@code null} for an ephemeral message (Slack sends no message then)
   * @param message the clicked message as Slack sends it back ({@code text} and {@code blocks}), or {@code null}
   */
  static String click(String actionId, String value, String user, String channel, String messageTs,
      JsonObject message, String responseUrl, String triggerId) {
    JsonObject action = new JsonObject();
    action.addProperty("type", "button");
    action.addProperty("action_id", actionId);
    action.addProperty("block_id", "b");
    action.addProperty("value", value);
    action.addProperty("action_ts", "1700000000.3000");
    JsonArray actions = new JsonArray();
    actions.add(action);
    JsonObject container = new JsonObject();
    container.addProperty("type", "message");
    if (messageTs != null) {
      container.addProperty("message_ts", messageTs);
    }
    container.addProperty("channel_id", channel);
    container.addProperty("is_ephemeral", messageTs == null);
    JsonObject userObject = new JsonObject();
    userObject.addProperty("id", user);
    JsonObject channelObject = new JsonObject();
    channelObject.addProperty("id", channel);
    JsonObject team = new JsonObject();
    team.addProperty("id", "T0001");
    JsonObject payload = new JsonObject();
    payload.addProperty("type", "block_actions");
    payload.add("user", userObject);
    payload.add("team", team);
    payload.addProperty("api_app_id", "A0001");
    payload.add("container", container);
    payload.add("channel", channelObject);
    if (message != null) {
      payload.add("message", message);
    }
    payload.addProperty("trigger_id", triggerId);
    payload.addProperty("response_url", responseUrl);
    payload.add("actions", actions);
    return form(Map.of("payload", payload.toString()));
  }

  /** The value of the first button with {@code actionId} in a message's blocks JSON. */
  static String buttonValue(String blocksJson, String actionId) {
    for (JsonElement block : JsonParser.parseString(blocksJson).getAsJsonArray()) {
      JsonObject object = block.getAsJsonObject();
      if ("actions".equals(object.get("type").getAsString())) {
        for (JsonElement element : object.getAsJsonArray("elements")) {
          if (actionId.equals(element.getAsJsonObject().get("action_id").getAsString())) {
            return element.getAsJsonObject().get("value").getAsString();
          }
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + blocksJson);
  }

  /** A message as Slack sends it back with a click: its text and blocks. */
  static JsonObject message(FakeSlack.Call posted) {
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("text", posted.param("text"));
    message.add("blocks", JsonParser.parseString(posted.param("blocks")));
    return message;
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  HttpResponse<String> postJson(JsonObject body, Map<String, String> extraHeaders) throws Exception {
    return post(body.toString(), "application/json", Instant.now(), SECRET, extraHeaders);
  }

  HttpResponse<String> postForm(String body) throws Exception {
    return post(body, "application/x-www-form-urlencoded", Instant.now(), SECRET, Map.of());
  }

  /** Posts {@code body} signed with {@code secret} as if sent at {@code sentAt}. */
  HttpResponse<String> post(String body, String contentType, Instant sentAt, String secret,
      Map<String, String> extraHeaders) throws Exception {
    String timestamp = Long.toString(sentAt.getEpochSecond());
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String signature = new RequestSignature(secret).sign(timestamp, bytes);
    HttpRequest.Builder request = HttpRequest.newBuilder(events)
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", contentType)
        .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
        .header(RequestSignature.SIGNATURE_HEADER, signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    extraHeaders.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(events.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
