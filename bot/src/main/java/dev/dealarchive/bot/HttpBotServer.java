package dev.dealarchive.bot;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Events API over HTTP with the JDK's HTTP server in front of Bolt.
 *
 * <ul>
 *   <li>{@code POST /slack/events}: events, slash commands and interactive actions. Every request's Slack signature
 *       and timestamp are checked before Bolt sees it; a bad signature or a timestamp more than five minutes off
 *       gets {@code 401}.
 *   <li>{@code GET /healthz}: {@code 200} with the article count when the archive answers, {@code 503} otherwise.
 * </ul>
 */
public final class HttpBotServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpBotServer.class);
  /** The path Slack posts to. */
  public static final String EVENTS_PATH = "/slack/events";
  /** The health check path. */
  public static final String HEALTH_PATH = "/healthz";
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final SlackBot bot;
  private final App app;
  private final SlackRequestParser parser;
  private final RequestSignature signature;
  private final HttpServer server;
  private final ExecutorService handlers;

  private HttpBotServer(SlackBot bot, HttpServer server, Clock clock) {
    this.bot = bot;
    this.app = bot.app();
    this.parser = new SlackRequestParser(app.config());
    this.signature = new RequestSignature(bot.config().signingSecret(), clock);
    this.server = server;
    this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-http-", 0).factory());
    server.createContext(EVENTS_PATH, this::events);
    server.createContext(HEALTH_PATH, this::health);
    server.setExecutor(handlers);
  }

  /**
   * Starts serving.
   *
   * @param bot a bot built with {@link SlackBot#forHttp}; closed by the caller after this server
   * @param address where to listen; port 0 picks a free port
   */
  public static HttpBotServer start(SlackBot bot, InetSocketAddress address) throws IOException {
    return start(bot, address, Clock.systemUTC());
  }

  /** Starts serving, judging request timestamps by {@code clock}. */
  public static HttpBotServer start(SlackBot bot, InetSocketAddress address, Clock clock) throws IOException {
    HttpServer server = HttpServer.create(address, 128);
    HttpBotServer botServer = new HttpBotServer(bot, server, clock);
    bot.app().start();
    server.start();
    LOG.info("serving Slack events on port {}", botServer.port());
    return botServer;
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void events(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "POST only");
        return;
      }
      byte[] body = readBody(exchange.getRequestBody());
      if (body == null) {
        send(exchange, 413, "text/plain; charset=utf-8", "request too large");
        return;
      }
      var headers = exchange.getRequestHeaders();
      if (!signature.verify(headers.getFirst(RequestSignature.TIMESTAMP_HEADER),
          headers.getFirst(RequestSignature.SIGNATURE_HEADER), body)) {
        send(exchange, 401, "application/json", "{\"error\":\"invalid request\"}");
        return;
      }
      Response response = dispatch(exchange, new String(body, StandardCharsets.UTF_8));
      String contentType = response.getContentType() == null ? "text/plain; charset=utf-8" : response.getContentType();
      send(exchange, response.getStatusCode(), contentType, response.getBody() == null ? "" : response.getBody());
    } catch (RuntimeException e) {
      String id = Incidents.record("handling a Slack request", e);
      LOG.debug("request failed with error {}", id);
    }
  }

  private Response dispatch(HttpExchange exchange, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
        values));
    SlackRequestParser.HttpRequest httpRequest = SlackRequestParser.HttpRequest.builder()
        .requestUri(exchange.getRequestURI().getPath())
        .queryString(query(exchange.getRequestURI().getRawQuery()))
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress())
        .build();
    Request<?> request = parser.parse(httpRequest);
    if (request == null) {
      return Response.builder().statusCode(400).contentType("text/plain; charset=utf-8").body("unknown request")
          .build();
    }
    try {
      return app.run(request);
    } catch (Exception e) {
      String id = Incidents.record("running Bolt on a " + request.getRequestType() + " request", e);
      return Response.builder().statusCode(500).contentType("text/plain; charset=utf-8").body("error " + id)
          .build();
    }
  }

  private void health(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "text/plain; charset=utf-8", "GET only");
        return;
      }
      try {
        long count = bot.archive().articleCount();
        send(exchange, 200, "application/json", "{\"status\":\"ok\",\"articles\":" + count + "}");
      } catch (Exception e) {
        LOG.warn("health check failed: {}", e.toString());
        send(exchange, 503, "application/json", "{\"status\":\"unavailable\"}");
      }
    }
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return query;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return query;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops accepting requests, letting running ones finish for up to a second. */
  @Override
  public void close() {
    server.stop(1);
    handlers.shutdown();
  }
}
