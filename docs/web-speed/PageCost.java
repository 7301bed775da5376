// Measures docs/web.md "Speed" (CPU per request by kind, in process): see docs/web-speed/README.md.
// Runs web-bench's request log through the server's own handler on one thread, with each exchange in memory (no
// socket, no JDK server), and reads the thread's CPU time per request; optionally writes the SHA-256 of every body.
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import dev.dealarchive.engine.EmbeddedEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public class PageCost {
  static final class Exchange extends HttpExchange {
    final URI uri; final Headers req = new Headers(); final Headers resp = new Headers();
    final ByteArrayOutputStream body = new ByteArrayOutputStream(); int code;
    Exchange(String path) { uri = URI.create(path); }
    public Headers getRequestHeaders() { return req; }
    public Headers getResponseHeaders() { return resp; }
    public URI getRequestURI() { return uri; }
    public String getRequestMethod() { return "GET"; }
    public HttpContext getHttpContext() { return null; }
    public void close() {}
    public InputStream getRequestBody() { return new ByteArrayInputStream(new byte[0]); }
    public OutputStream getResponseBody() { return body; }
    public void sendResponseHeaders(int rCode, long len) { code = rCode; }
    public InetSocketAddress getRemoteAddress() { return new InetSocketAddress("127.0.0.1", 1); }
    public int getResponseCode() { return code; }
    public InetSocketAddress getLocalAddress() { return new InetSocketAddress("127.0.0.1", 2); }
    public String getProtocol() { return "HTTP/1.1"; }
    public Object getAttribute(String name) { return null; }
    public void setAttribute(String name, Object value) {}
    public void setStreams(InputStream i, OutputStream o) {}
    public HttpPrincipal getPrincipal() { return null; }
  }

  static Object call(Object o, String name) throws Exception {
    Method m = o.getClass().getDeclaredMethod(name); m.setAccessible(true); return m.invoke(o);
  }

  static String kind(Object request) throws Exception {
    String path = (String) call(request, "path");
    String kind = call(request, "kind").toString();
    if (kind.equals("PAGE")) {
      if (path.contains("&page=2") || path.contains("&sort=newest")) return "PAGE-2/newest";
      return path.startsWith("/?q=what+did") || path.startsWith("/?q=what%20did") ? "PAGE-question" : "PAGE-words";
    }
    return kind;
  }

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    int warm = Integer.parseInt(args[1]);
    int measured = Integer.parseInt(args[2]);
    Path hashes = args.length > 3 && !args[3].equals("-") ? Path.of(args[3]) : null;
    String only = args.length > 4 ? args[4] : null;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> settingsClass = Class.forName("dev.dealarchive.web.WebSettings");
    Class<?> webArchive = Class.forName("dev.dealarchive.web.WebArchive");
    Class<?> server = Class.forName("dev.dealarchive.web.WebServer");
    Class<?> bench = Class.forName("dev.dealarchive.web.WebBenchCommand");
    try (EmbeddedEngine engine = EmbeddedEngine.open(index)) {
      Method loopback = settingsClass.getDeclaredMethod("loopback", int.class); loopback.setAccessible(true);
      Object settings = loopback.invoke(null, 0);
      Method of = webArchive.getDeclaredMethod("of", dev.dealarchive.engine.ArchiveEngine.class, Path.class);
      Object archive = of.invoke(null, engine, index);
      Method start = server.getDeclaredMethod("start", webArchive, settingsClass);
      Object web = start.invoke(null, archive, settings);
      try {
        Method handle = server.getDeclaredMethod("handle", HttpExchange.class); handle.setAccessible(true);
        Method log = bench.getDeclaredMethod("requestLog", dev.dealarchive.engine.ArchiveEngine.class, int.class, int.class);
        log.setAccessible(true);
        List<?> requests = (List<?>) log.invoke(null, engine, 2000, warm + measured);
        var threads = ManagementFactory.getThreadMXBean();
        Map<String, long[]> byKind = new LinkedHashMap<>();
        MessageDigest all = MessageDigest.getInstance("SHA-256");
        PrintWriter out = hashes == null ? null : new PrintWriter(Files.newBufferedWriter(hashes, StandardCharsets.UTF_8));
        for (int i = 0; i < requests.size(); i++) {
          Object request = requests.get(i);
          String path = (String) call(request, "path");
          if (i == warm) System.out.println("MEASURE START " + java.time.Instant.now());
          if (i >= warm && only != null && !kind(request).equals(only)) continue;
          Exchange exchange = new Exchange(path);
          long before = threads.getCurrentThreadCpuTime();
          handle.invoke(web, exchange);
          long took = threads.getCurrentThreadCpuTime() - before;
          byte[] body = exchange.body.toByteArray();
          if (exchange.code != 200) throw new IllegalStateException(path + " " + exchange.code);
          if (out != null) {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(body);
            out.println(HexFormat.of().formatHex(h) + " " + exchange.resp.getFirst("Content-Type") + " " + path);
            all.update(h);
          }
          if (i >= warm) {
            long[] k = byKind.computeIfAbsent(kind(request), x -> new long[2]);
            k[0]++; k[1] += took;
          }
        }
        if (out != null) out.close();
        long n = 0, t = 0;
        for (var e : byKind.entrySet()) {
          n += e.getValue()[0]; t += e.getValue()[1];
          System.out.printf(Locale.ROOT, "%-15s %6d requests  %.3f ms CPU each%n", e.getKey(), e.getValue()[0],
              e.getValue()[1] / 1e6 / e.getValue()[0]);
        }
        for (var e : byKind.entrySet()) {
          System.out.printf(Locale.ROOT, "share %-15s %.1f%%%n", e.getKey(), 100.0 * e.getValue()[1] / t);
        }
        System.out.printf(Locale.ROOT, "ALL %d requests %.3f ms CPU each%n", n, t / 1e6 / n);
        if (out != null) System.out.println("bodies sha256 " + HexFormat.of().formatHex(all.digest()));
      } finally {
        ((AutoCloseable) web).close();
      }
    }
  }
}
