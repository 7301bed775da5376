package dev.dealarchive.bot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An in-process Slack on loopback port 0: a Web API that records every call and answers like Slack, response URLs
 * that record what is posted to them, and (optionally) a Socket Mode WebSocket endpoint.
 */
final class FakeSlack implements AutoCloseable {
  /** The bot user id auth.test reports. */
  static final String BOT_USER = "UBOT";

  /** One recorded call. */
  record Call(String method, Map<String, String> params, String authorization, long receivedNanos) {
    String param(String name) {
      return params.get(name);
    }

    /** The reply's text and blocks, as one string for content checks. */
    String content() {
      return params.getOrDefault("text", "") + "\n" + params.getOrDefault("blocks", "");
    }
  }

  /** A canned failure for the next call of a method. */
  record Failure(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("fake-slack-", 0).factory());
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Failure>> failures = new LinkedHashMap<>();
  private final AtomicInteger ts = new AtomicInteger(1000);
  private volatile FakeSocketMode socketMode;
  private final Map<String, JsonArray> threads = new ConcurrentHashMap<>();

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/api/", this::api);
    server.createContext("/response/", this::responseUrl);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts the Socket Mode endpoint that apps.connections.open points to. */
  FakeSocketMode startSocketMode() throws InterruptedException {
    socketMode = new FakeSocketMode();
    socketMode.start();
    socketMode.awaitStarted();
    return socketMode;
  }

  /** The Web API base URL to configure as SLACK_API_URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** A response URL for a slash command or action. */
  String responseUrl(String name) {
    return baseUrl() + "/response/" + name;
  }

  /**
   * Adds a message to the thread {@code threadTs} of {@code channel}, as conversations.replies will return it.
   *
   * @param botId the posting bot's id, or {@code null} for a person
   */
  void addToThread(String channel, String threadTs, String ts, String user, String text, String botId) {
    JsonObject message = new JsonObject();
    message.addProperty("type", "message");
    message.addProperty("ts", ts);
    message.addProperty("thread_ts", threadTs);
    message.addProperty("user", user);
    message.addProperty("text", text);
    if (botId != null) {
      message.addProperty("bot_id", botId);
    }
    threads.computeIfAbsent(channel + "/" + threadTs, k -> new JsonArray()).add(message);
  }

  /** Makes the next call of {@code method} fail once with this status, headers and body. */
  synchronized void failNext(String method, int status, Map<String, String> headers, String body) {
    failures.computeIfAbsent(method, m -> new ConcurrentLinkedDeque<>()).add(new Failure(status, headers, body));
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Waits until {@code count} calls of {@code method} were recorded, and returns them. */
  List<Call> await(String method, int count, Duration timeout) throws InterruptedException {
    return awaitCalls(c -> c.method().equals(method), count, timeout);
  }

  List<Call> awaitCalls(Predicate<Call> which, int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Call> matching = calls.stream().filter(which).toList();
      if (matching.size() >= count) {
        return matching;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " calls, got " + matching.size() + "; all calls: "
            + calls.stream().map(Call::method).toList());
      }
      Thread.sleep(5);
    }
  }

  private synchronized Failure nextFailure(String method) {
    Deque<Failure> queue = failures.get(method);
    return queue == null ? null : queue.poll();
  }

  private void api(HttpExchange exchange) throws IOException {
    try (exchange) {
      long received = System.nanoTime();
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> params = parse(body, exchange.getRequestHeaders().getFirst("Content-Type"));
      calls.add(new Call(method, params, exchange.getRequestHeaders().getFirst("Authorization"), received));
      Failure failure = nextFailure(method);
      if (failure != null) {
        failure.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        send(exchange, failure.status(), failure.body());
        return;
      }
      send(exchange, 200, answer(method, params));
    }
  }

  private String answer(String method, Map<String, String> params) {
    JsonObject json = new JsonObject();
    json.addProperty("ok", true);
    switch (method) {
      case "auth.test" -> {
        json.addProperty("url", "https://fake.example/");
        json.addProperty("team", "Fake");
        json.addProperty("user", "archive");
        json.addProperty("team_id", "T0001");
        json.addProperty("user_id", BOT_USER);
        json.addProperty("bot_id", "B0001");
      }
      case "apps.connections.open" -> {
        FakeSocketMode ws = socketMode;
        if (ws == null) {
          json.addProperty("ok", false);
          json.addProperty("error", "socket_mode_not_enabled");
        } else {
          json.addProperty("url", ws.url());
        }
      }
      case "chat.postMessage", "chat.update" -> {
        json.addProperty("channel", params.get("channel"));
        json.addProperty("ts", params.getOrDefault("ts", "1700000000." + ts.incrementAndGet()));
      }
      case "conversations.replies" -> {
        JsonArray messages = threads.get(params.get("channel") + "/" + params.get("ts"));
        if (messages == null) {
          json.addProperty("ok", false);
          json.addProperty("error", "thread_not_found");
        } else {
          json.add("messages", messages);
          json.addProperty("has_more", false);
        }
      }
      case "chat.postEphemeral" -> json.addProperty("message_ts", "1700000000." + ts.incrementAndGet());
      default -> {
        // Methods the bot does not use answer ok with nothing else.
      }
    }
    return json.toString();
  }

  private void responseUrl(HttpExchange exchange) throws IOException {
    try (exchange) {
      long received = System.nanoTime();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> params = new LinkedHashMap<>();
      JsonObject json = JsonParser.parseString(body).getAsJsonObject();
      json.entrySet().forEach(e -> params.put(e.getKey(), readable(e.getValue())));
      params.put("url", exchange.getRequestURI().getPath());
      calls.add(new Call("response_url", params, null, received));
      send(exchange, 200, "ok");
    }
  }

  /** Blocks as readable JSON: the SDK escapes {@code <} as a unicode escape, which hides what Slack would show. */
  private static final Gson READABLE = new GsonBuilder().disableHtmlEscaping().create();

  private static String readable(JsonElement value) {
    if (value.isJsonPrimitive()) {
      String text = value.getAsString();
      return text.startsWith("[") ? READABLE.toJson(JsonParser.parseString(text)) : text;
    }
    return READABLE.toJson(value);
  }

  private static Map<String, String> parse(String body, String contentType) {
    Map<String, String> params = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return params;
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      JsonObject json = JsonParser.parseString(body).getAsJsonObject();
      json.entrySet().forEach(e -> params.put(e.getKey(), readable(e.getValue())));
      return params;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.put(name, name.equals("blocks") ? readable(JsonParser.parseString(value)) : value);
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() throws Exception {
    server.stop(0);
    executor.shutdownNow();
    if (socketMode != null) {
      socketMode.stop(1000);
    }
  }
}
