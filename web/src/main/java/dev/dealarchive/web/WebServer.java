package dev.dealarchive.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.generate.WrittenAnswers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code archive serve}: the search page, the article page and the JSON API on the JDK's HTTP server, one virtual
 * thread per request. Read-only: the only method besides GET and HEAD is the login form's POST, which writes nothing.
 * Every response carries a strict Content-Security-Policy (scripts and styles from this server's files only, nothing
 * inline) and the usual hardening headers.
 */
public final class WebServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

  static {
    // The JDK server writes headers and body separately; with Nagle's algorithm on, the last partial segment of a
    // page waits for the client's delayed ACK, adding 40 ms to every response larger than a segment. The server reads
    // this property once, when its first instance is made.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
          + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  /** How many sources and tags the page lists beside the results. */
  static final int PAGE_FACET_VALUES = 12;
  /** How many articles the answer card's question asks for (the card shows the answer's). */
  static final int ASK_LIMIT = 3;
  private static final int MAX_FORM_BYTES = 4_096;
  private static final Map<String, String> STATIC_TYPES =
      Map.of(
          "app.css", "text/css; charset=utf-8",
          "app.js", "text/javascript; charset=utf-8",
          "favicon.svg", "image/svg+xml");

  private final WebArchive archive;
  private final WebSettings settings;
  private final Access access;
  private final Api api;
  private final Map<String, Response> statics;
  private final HttpServer server;
  private final ExecutorService executor;

  private final WrittenAnswers writer;

  private WebServer(WebArchive archive, WebSettings settings) throws IOException {
    this.archive = CachedReads.over(archive, settings.cacheEntries());
    this.settings = settings;
    this.access = Access.of(settings.token());
    this.writer = settings.llm() == null ? null : new WrittenAnswers(settings.llm());
    this.api = new Api(this.archive, settings, writer);
    this.statics = loadStatics();
    this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("web-request-", 0).factory());
    this.server = HttpServer.create(settings.address(), 256);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
  }

  /** Starts serving {@code archive}; the caller keeps the archive open until the server is closed. */
  public static WebServer start(WebArchive archive, WebSettings settings) throws IOException {
    WebServer web = new WebServer(archive, settings);
    web.server.start();
    return web;
  }

  /** The port listened on (useful when the settings asked for port 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** How often a search, facet count or answer was reused, and how often it was read. */
  CachedReads.Stats cacheStats() {
    return CachedReads.stats(archive);
  }

  /** The server's base address, such as {@code http://127.0.0.1:8080/}. */
  public URI uri() {
    String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1" : server.getAddress().getHostString();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
  }

  private static Map<String, Response> loadStatics() throws IOException {
    Map<String, Response> statics = new java.util.HashMap<>();
    for (Map.Entry<String, String> file : STATIC_TYPES.entrySet()) {
      try (InputStream in = WebServer.class.getResourceAsStream("static/" + file.getKey())) {
        if (in == null) {
          throw new IOException("the web page's file " + file.getKey() + " is missing from the jar");
        }
        statics.put(
            "/static/" + file.getKey(),
            new Response(200, file.getValue(), in.readAllBytes(), Map.of("Cache-Control", "public, max-age=300")));
      }
    }
    return Map.copyOf(statics);
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      boolean json = path.startsWith("/api/") || path.equals("/healthz");
      Response response;
      try {
        response = route(exchange, path);
      } catch (BadRequest e) {
        response = json ? Api.error(e.status(), e.getMessage()) : page(e.status(), e.status() == 404 ? "Not found" : "Bad request", e.getMessage());
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("cannot read the index for {}: {}", path, e.toString());
        String message = "the index cannot be read: " + e.getMessage();
        response = json ? Api.error(503, message) : Response.html(503, Pages.message("Index unavailable", message, 0));
      } catch (RuntimeException e) {
        LOG.error("request {} failed", path, e);
        response = json ? Api.error(500, "internal error: " + e) : Response.html(500, Pages.message("Error", "internal error", 0));
      }
      send(exchange, response);
    } catch (IOException e) {
      LOG.debug("could not answer a request: {}", e.toString());
    }
  }

  private Response page(int status, String title, String message) {
    long articles;
    try {
      articles = archive.articleCount();
    } catch (IOException | RuntimeException e) {
      articles = 0;
    }
    return Response.html(status, Pages.message(title, message, articles));
  }

  private Response route(HttpExchange exchange, String path) throws BadRequest, IOException {
    String method = exchange.getRequestMethod();
    boolean read = method.equals("GET") || method.equals("HEAD");
    if (path.equals("/login") && method.equals("POST")) {
      return login(exchange);
    }
    if (!read) {
      throw new BadRequest(405, "this server is read-only: " + method + " is not allowed");
    }
    Response file = statics.get(path);
    if (file != null) {
      return file;
    }
    Params params = Params.parse(exchange.getRequestURI().getRawQuery());
    if (path.equals("/login")) {
      return Response.html(200, Pages.login(localPath(params.get("next", "/")), false));
    }
    if (path.equals("/healthz")) {
      return access.allows(exchange) ? api.health() : Response.json(200, "{\"status\":\"ok\"}");
    }
    if (!access.allows(exchange)) {
      if (path.startsWith("/api/")) {
        return Api.error(401, "a token is needed: send Authorization: Bearer <token>")
            .withHeader("WWW-Authenticate", "Bearer");
      }
      String raw = exchange.getRequestURI().getRawQuery();
      return Response.redirect("/login?next=" + SearchState.encode(raw == null ? path : path + "?" + raw));
    }
    if (path.equals("/")) {
      return searchPage(params);
    }
    if (path.startsWith("/article/")) {
      return articlePage(decodePath(path.substring("/article/".length())), params);
    }
    return switch (path) {
      case "/api/search" -> api.search(params);
      case "/api/ask" -> api.ask(params);
      case "/api/stats" -> api.stats();
      default -> {
        if (path.startsWith("/api/articles/")) {
          yield api.article(decodePath(path.substring("/api/articles/".length())));
        }
        throw BadRequest.notFound("nothing here: " + Params.abbreviate(path));
      }
    };
  }

  private Response searchPage(Params params) throws BadRequest, IOException {
    SearchState state = SearchState.from(params, settings.maxQueryChars(), Pages.MAX_PAGE);
    long articles = archive.articleCount();
    if (state.isEmpty()) {
      return Response.html(200, Pages.home(articles, null));
    }
    String query = state.query();
    // Facets counted as the API counts them and cut for the page, so a page and an API search of one query share the
    // work; read with the search, in its pass over the matches where the archive can.
    FacetedResult read = archive.searchWithFacets(
        new SearchRequest(query, Pages.PAGE_SIZE, (state.page() - 1) * Pages.PAGE_SIZE, state.sort()), Api.FACET_VALUES);
    SearchResult result = read.result();
    Facets counted = read.facets();
    Facets facets = new Facets(first(counted.sources(), PAGE_FACET_VALUES), first(counted.tags(), PAGE_FACET_VALUES),
        counted.years(), counted.months());
    AskResult ask = state.page() == 1 && Questions.looksLikeQuestion(state.text()) ? archive.ask(query, ASK_LIMIT) : null;
    return Response.html(200, Pages.search(state, new Pages.SearchPage(result, facets, ask, articles, writer != null)));
  }

  private static <T> List<T> first(List<T> values, int n) {
    return values.size() <= n ? values : values.subList(0, n);
  }

  private Response articlePage(String id, Params params) throws BadRequest, IOException {
    String query = params.get("q", "");
    if (query.length() > settings.maxQueryChars()) {
      throw BadRequest.badParameter("q is longer than " + settings.maxQueryChars() + " characters");
    }
    Optional<Article> article = archive.article(id);
    if (article.isEmpty()) {
      throw BadRequest.notFound("There is no article with id \"" + Params.abbreviate(id) + "\".");
    }
    return Response.html(200, Pages.article(article.get(), query, archive.articleCount()));
  }

  private Response login(HttpExchange exchange) throws BadRequest, IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      throw BadRequest.badParameter("the login form is larger than " + MAX_FORM_BYTES + " bytes");
    }
    Params form = Params.parse(new String(body, StandardCharsets.UTF_8));
    String next = localPath(form.get("next", "/"));
    if (access.isOpen()) {
      return Response.redirect(next);
    }
    if (!access.matches(form.get("token", ""))) {
      LOG.warn("a sign-in with a wrong token from {}", exchange.getRemoteAddress().getAddress().getHostAddress());
      return Response.html(401, Pages.login(next, true));
    }
    return Response.redirect(next).withHeader("Set-Cookie", access.sessionCookie());
  }

  /** Only a path on this server may follow a sign-in, so the form cannot send a browser elsewhere. */
  private static String localPath(String next) {
    boolean local = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
    // Control characters could split the Location header; a real path never has them.
    return local && next.chars().noneMatch(c -> c < 0x20 || c == 0x7f) ? next : "/";
  }

  private static String decodePath(String raw) throws BadRequest {
    try {
      String id = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
      if (id.isBlank()) {
        throw BadRequest.notFound("no article id in the path");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw BadRequest.badParameter("the article id is not valid percent-encoding");
    }
  }

  private void send(HttpExchange exchange, Response response) throws IOException {
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", response.contentType());
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Frame-Options", "DENY");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("Cache-Control", "no-store");
    response.headers().forEach(headers::set);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    byte[] body = response.body();
    if (head || body.length == 0) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    exchange.sendResponseHeaders(response.status(), body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
    if (writer != null) {
      writer.close();
    }
  }
}
