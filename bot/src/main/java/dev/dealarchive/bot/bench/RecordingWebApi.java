package dev.dealarchive.bot.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal Slack Web API on a loopback port for the benchmark: answers {@code auth.test}, and notes the time each
 * {@code chat.postMessage} arrives, keyed by its {@code thread_ts}.
 */
final class RecordingWebApi implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("bench-web-api-", 0).factory());
  private final Map<String, CompletableFuture<Long>> posts = new ConcurrentHashMap<>();

  RecordingWebApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/api/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Completes with {@link System#nanoTime()} at the arrival of the post in the thread {@code threadTs}. */
  CompletableFuture<Long> postFor(String threadTs) {
    return posts.computeIfAbsent(threadTs, ts -> new CompletableFuture<>());
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long arrived = System.nanoTime();
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String answer = "{\"ok\":true}";
      if (method.equals("auth.test")) {
        answer = "{\"ok\":true,\"user_id\":\"UBENCHBOT\",\"bot_id\":\"BBENCH\",\"team_id\":\"TBENCH\"}";
      } else if (method.equals("chat.postMessage")) {
        String threadTs = field(body, "thread_ts");
        if (threadTs != null) {
          postFor(threadTs).complete(arrived);
        }
        answer = "{\"ok\":true,\"ts\":\"1.0\"}";
      }
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static String field(String form, String name) {
    for (String pair : form.split("&")) {
      if (pair.startsWith(name + "=")) {
        return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
