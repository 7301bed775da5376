package dev.dealarchive.bot;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the Events API over HTTP with Jetty in front of Bolt.
 *
 * <ul>
 *   <li>{@code POST /slack/events}: events, slash commands and interactive actions. Bolt verifies each request's
 *       Slack signature; a bad signature, or a timestamp more than five minutes off in either direction, gets
 *       {@code 401}. A signed request whose
 *       payload lacks what its type needs (an event without {@code event}, an action without {@code user}, ...) gets
 *       {@code 400} and one log line.
 *   <li>{@code GET /healthz}: {@code 200} with the article count when the archive answers, {@code 503} otherwise.
 * </ul>
 *
 * <p>Idle and slow connections are closed by a {@link ConnectionGuard} so they can neither exhaust file descriptors
 * nor delay Slack's acknowledgements.
 */
public final class HttpBotServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpBotServer.class);
  /** The path Slack posts to. */
  public static final String EVENTS_PATH = "/slack/events";
  /** The health check path. */
  public static final String HEALTH_PATH = "/healthz";
  private static final int MAX_BODY_BYTES = 1 << 20;
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String TIMESTAMP_HEADER = RequestSignature.TIMESTAMP_HEADER;
  private static final String SIGNATURE_HEADER = RequestSignature.SIGNATURE_HEADER;
  private static final long MAX_SKEW_SECONDS = 5 * 60;
  private static final Reply UNSIGNED = new Reply(401, "application/json", "{\"error\":\"invalid request\"}");

  /**
   * How many connections the server keeps open, and how long a connection may take to deliver a whole request.
   *
   * @param maxConnections open connections kept; beyond it, the one waiting longest for its request is closed
   * @param requestTime the longest a request's header and body may take to arrive, and the longest idle time
   */
  public record Limits(int maxConnections, Duration requestTime) {
    public Limits {
      if (maxConnections < 1 || requestTime.isNegative() || requestTime.isZero()) {
        throw new IllegalArgumentException("limits must be positive: " + maxConnections + ", " + requestTime);
      }
    }

    /** 256 connections, 5 s per request: Slack sends a request at once and gives up after 3 s. */
    public static Limits standard() {
      return new Limits(256, Duration.ofSeconds(5));
    }
  }

  private final SlackBot bot;
  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignature.Verifier signature;
  private final Limits limits;
  private final Clock clock;
  private final ConnectionGuard guard;
  private final Server server;
  private final ServerConnector connector;
  private final ExecutorService handlers;

  private HttpBotServer(SlackBot bot, InetSocketAddress address, Limits limits, Clock clock) {
    this.clock = clock;
    this.bot = bot;
    this.app = bot.app();
    this.parser = new SlackRequestParser(app.config());
    this.signature = new SlackSignature.Verifier(new SlackSignature.Generator(bot.config().signingSecret()));
    this.limits = limits;
    this.guard = new ConnectionGuard(limits.maxConnections(), limits.requestTime());
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("slack-http");
    this.handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("slack-http-", 0).factory());
    threads.setVirtualThreadsExecutor(handlers);
    this.server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setRequestHeaderSize(16 * 1024);
    this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(address.getHostString());
    connector.setPort(address.getPort());
    connector.setIdleTimeout(limits.requestTime().toMillis());
    connector.addEventListener(guard);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
          Callback callback) {
        serve(request, response, callback);
        return true;
      }
    });
  }

  /**
   * Starts serving with the standard limits.
   *
   * @param bot a bot built with {@link SlackBot#forHttp}; closed by the caller after this server
   * @param address where to listen; port 0 picks a free port
   */
  public static HttpBotServer start(SlackBot bot, InetSocketAddress address) throws java.io.IOException {
    return start(bot, address, Limits.standard());
  }

  /** Starts serving with the given connection limits. */
  public static HttpBotServer start(SlackBot bot, InetSocketAddress address, Limits limits)
      throws java.io.IOException {
    HttpBotServer botServer = new HttpBotServer(bot, address, limits, Clock.systemUTC());
    bot.app().start();
    try {
      botServer.server.start();
    } catch (Exception e) {
      botServer.close();
      throw new java.io.IOException("cannot listen on " + address + ": " + e.getMessage(), e);
    }
    LOG.info("serving Slack events on port {}", botServer.port());
    return botServer;
  }

  /** The port the server listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  private void serve(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
      Callback callback) {
    var connection = request.getConnectionMetaData().getConnection();
    Callback done = Callback.from(() -> {
      guard.answered(connection);
      callback.succeeded();
    }, failure -> {
      guard.answered(connection);
      callback.failed(failure);
    });
    String path = org.eclipse.jetty.server.Request.getPathInContext(request);
    Reply reply;
    if (EVENTS_PATH.equals(path)) {
      reply = events(request, connection);
    } else if (HEALTH_PATH.equals(path)) {
      guard.answering(connection);
      reply = health(request.getMethod());
    } else {
      reply = new Reply(404, TEXT, "not found");
    }
    response.setStatus(reply.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    Content.Sink.write(response, true, reply.body(), done);
  }

  /** A response to send. */
  private record Reply(int status, String contentType, String body) {}

  private Reply events(org.eclipse.jetty.server.Request request, org.eclipse.jetty.io.Connection connection) {
    if (!"POST".equals(request.getMethod())) {
      return new Reply(405, TEXT, "POST only");
    }
    long length = request.getLength();
    if (length > MAX_BODY_BYTES) {
      return new Reply(413, TEXT, "request too large");
    }
    byte[] bytes;
    try {
      bytes = Content.Source.asByteArrayAsync(request, MAX_BODY_BYTES)
          .get(limits.requestTime().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      return new Reply(413, TEXT, "request too large or cut short");
    } catch (TimeoutException e) {
      return new Reply(408, TEXT, "request too slow");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(503, TEXT, "shutting down");
    }
    guard.answering(connection);
    if (!withinReplayWindow(request.getHeaders().get(TIMESTAMP_HEADER))) {
      return UNSIGNED;
    }
    String body = new String(bytes, StandardCharsets.UTF_8);
    Request<?> slackRequest;
    Optional<String> problem;
    try {
      slackRequest = parser.parse(httpRequest(request, body));
      problem = SlackPayloads.problem(slackRequest);
    } catch (RuntimeException e) {
      slackRequest = null;
      problem = Optional.of("unreadable payload (" + e.getClass().getSimpleName() + ")");
    }
    if (problem.isPresent()) {
      return malformed(request, body, problem.get());
    }
    try {
      Response response = app.run(slackRequest);
      String contentType = response.getContentType() == null ? TEXT : response.getContentType();
      return new Reply(response.getStatusCode(), contentType, response.getBody() == null ? "" : response.getBody());
    } catch (Exception e) {
      String id = Incidents.record("running Bolt on a " + slackRequest.getRequestType() + " request", e);
      return new Reply(500, TEXT, "error " + id);
    }
  }

  /**
   * A payload Bolt cannot route: refused as unsigned ({@code 401}) unless its signature holds, else as malformed
   * ({@code 400}) with one log line. Bolt verifies every other request; this path never reaches Bolt.
   */
  private Reply malformed(org.eclipse.jetty.server.Request request, String body, String problem) {
    String timestamp = request.getHeaders().get(TIMESTAMP_HEADER);
    String signed = request.getHeaders().get(SIGNATURE_HEADER);
    boolean valid;
    try {
      valid = signature.isValid(timestamp, body, signed);
    } catch (RuntimeException e) {
      valid = false;
    }
    if (!valid) {
      return UNSIGNED;
    }
    LOG.warn("malformed Slack request refused with 400: {}", problem);
    return new Reply(400, TEXT, "malformed request: " + problem);
  }

  /**
   * Whether the request's timestamp is at most five minutes from now, in either direction. Bolt checks the signature
   * and refuses stale timestamps but accepts any future one; a request dated ahead could be replayed for longer.
   */
  private boolean withinReplayWindow(String timestamp) {
    if (timestamp == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    return skew <= MAX_SKEW_SECONDS;
  }

  private SlackRequestParser.HttpRequest httpRequest(org.eclipse.jetty.server.Request request, String body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      headers.computeIfAbsent(field.getLowerCaseName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return SlackRequestParser.HttpRequest.builder()
        .requestUri(request.getHttpURI().getPath())
        .queryString(query(request.getHttpURI().getQuery()))
        .headers(new RequestHeaders(headers))
        .requestBody(body)
        .remoteAddress(org.eclipse.jetty.server.Request.getRemoteAddr(request))
        .build();
  }

  private Reply health(String method) {
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      return new Reply(405, TEXT, "GET only");
    }
    try {
      long count = bot.archive().articleCount();
      return new Reply(200, "application/json", "{\"status\":\"ok\",\"articles\":" + count + "}");
    } catch (Exception e) {
      LOG.warn("health check failed: {}", e.toString());
      return new Reply(503, "application/json", "{\"status\":\"unavailable\"}");
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

  /** Stops accepting requests, letting running ones finish for up to a second. */
  @Override
  public void close() {
    try {
      server.setStopTimeout(1_000);
      server.stop();
    } catch (Exception e) {
      LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
    } finally {
      guard.close();
      handlers.shutdown();
    }
  }
}
