package dev.dealarchive.bot;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A web site on loopback port 0 serving one article page at {@link #PATH}, recording every request it gets. */
final class ArticlePages implements AutoCloseable {
  /** Where the article is served. */
  static final String PATH = "/news/nimbus-tidewater";
  /** The article's title, as the page's {@code <title>} and heading give it. */
  static final String TITLE = "Nimbus buys Tidewater Grid";

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("article-pages-", 0).factory());
  private final List<String> requests = new CopyOnWriteArrayList<>();

  ArticlePages() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  /** The article's address: {@code http://127.0.0.1:PORT/news/nimbus-tidewater}. */
  String articleUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** The paths requested so far, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      requests.add(path);
      if (!path.equals(PATH)) {
        send(exchange, 404, "text/plain; charset=utf-8", "not found");
        return;
      }
      send(exchange, 200, "text/html; charset=utf-8", "<html><head><title>" + TITLE + "</title>"
          + "<meta property=\"og:site_name\" content=\"Deal Wire\">"
          + "<meta property=\"article:published_time\" content=\"2026-04-28T09:00:00Z\"></head>"
          + "<body><nav>Home</nav><article><h1>" + TITLE + "</h1><p>Nimbus Energy agreed to acquire the Tidewater "
          + "Grid operator for 2 billion dollars, creating the largest offshore wind partnership in the region.</p>"
          + "</article></body></html>");
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
