package dev.dealarchive.bot;

import com.google.gson.JsonObject;
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
