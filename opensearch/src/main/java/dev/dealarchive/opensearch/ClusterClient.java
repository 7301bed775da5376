package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Request;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * Talks JSON to an OpenSearch cluster through the official client's transport (which spreads requests over the
 * given nodes and skips one that does not answer), retrying with back-off when the cluster is busy ({@code 429})
 * or briefly unavailable ({@code 502}-{@code 504}, a connection refused while a node restarts).
 *
 * <p>Requests are built as JSON trees rather than with the client's typed builders: the archive's queries are
 * translated from Lucene queries node by node ({@link DslQueries}), and the tree is what that translation makes.
 */
public final class ClusterClient implements AutoCloseable {
  /** Waits between attempts: doubling from 100 ms, at most 5 s, about 30 s in all. */
  static final long FIRST_WAIT_MILLIS = 100;
  static final long MAX_WAIT_MILLIS = 5_000;
  static final int ATTEMPTS = 10;

  private final ClusterConfig config;
  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient client;
  private final ObjectMapper json = new ObjectMapper();

  private ClusterClient(ClusterConfig config, OpenSearchTransport transport) {
    this.config = config;
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
  }

  /** A client for {@code config}; TLS certificates are verified against the JVM's trust store. */
  public static ClusterClient connect(ClusterConfig config) {
    HttpHost[] hosts =
        config.urls().stream()
            .map(url -> new HttpHost(url.getScheme(), url.getHost(), url.getPort() < 0 ? defaultPort(url) : url.getPort()))
            .toArray(HttpHost[]::new);
    ApacheHttpClient5TransportBuilder builder = ApacheHttpClient5TransportBuilder.builder(hosts);
    String prefix = config.urls().get(0).getRawPath();
    if (prefix != null && !prefix.isEmpty() && !prefix.equals("/")) {
      builder.setPathPrefix(prefix);
    }
    if (config.user() != null) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      for (HttpHost host : hosts) {
        credentials.setCredentials(
            new AuthScope(host), new UsernamePasswordCredentials(config.user(), config.password().toCharArray()));
      }
      builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
    }
    return new ClusterClient(config, builder.build());
  }

  private static int defaultPort(URI url) {
    return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
  }

  public ClusterConfig config() {
    return config;
  }

  /** A JSON tree factory for request bodies. */
  public ObjectMapper json() {
    return json;
  }

  public ObjectNode object() {
    return json.createObjectNode();
  }

  /** An HTTP status and the parsed JSON body (an empty object when the body is empty or not JSON). */
  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** Sends a request and returns its reply whatever the status, retrying busy and unavailable answers. */
  public Reply send(String method, String path, Map<String, String> params, JsonNode body) throws IOException {
    byte[] bytes = body == null ? null : json.writeValueAsBytes(body);
    return sendBytes(method, path, params, bytes, "application/json");
  }

  /** Sends a bulk request body (newline-delimited JSON). */
  public Reply sendBulk(Map<String, String> params, String ndjson) throws IOException {
    return sendBytes("POST", "/_bulk", params, ndjson.getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
  }

  /** Like {@link #send}, but throws a clear error unless the status is 2xx. */
  public JsonNode call(String method, String path, Map<String, String> params, JsonNode body) throws IOException {
    Reply reply = send(method, path, params, body);
    if (!reply.ok()) {
      throw failure(method, path, reply);
    }
    return reply.body();
  }

  public JsonNode call(String method, String path, JsonNode body) throws IOException {
    return call(method, path, Map.of(), body);
  }

  /** Runs a search request on the articles' index (the one every read of the archive searches). */
  public JsonNode searchArticles(JsonNode body) throws IOException {
    return searchArticles(Map.of(), body);
  }

  /** {@link #searchArticles(JsonNode)} with URL parameters (a search type, say). */
  public JsonNode searchArticles(Map<String, String> params, JsonNode body) throws IOException {
    return call("POST", "/" + config.index() + "/_search", params, body);
  }

  /** The error for a failed request: the cluster's own reason, and where it was sent. */
  public ClusterException failure(String method, String path, Reply reply) {
    JsonNode error = reply.body().path("error");
    String reason;
    if (error.isObject()) {
      JsonNode root = error.path("root_cause").path(0);
      JsonNode cause = root.isMissingNode() ? error : root;
      reason = cause.path("type").asText("") + ": " + cause.path("reason").asText("");
    } else if (error.isTextual()) {
      reason = error.asText();
    } else {
      reason = "HTTP " + reply.status();
    }
    return new ClusterException(
        "OpenSearch refused " + method + " " + path + " (HTTP " + reply.status() + "): " + reason, reply.status());
  }

  private Reply sendBytes(String method, String path, Map<String, String> params, byte[] body, String contentType)
      throws IOException {
    long wait = FIRST_WAIT_MILLIS;
    IOException lastError = null;
    Reply last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        last = once(method, path, params, body, contentType);
        if (!retriable(last.status())) {
          return last;
        }
        lastError = null;
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        // A node that stopped answering: the transport tries the others next time.
        lastError = e;
      }
      if (attempt < ATTEMPTS) {
        pause(wait);
        wait = Math.min(MAX_WAIT_MILLIS, wait * 2);
      }
    }
    if (lastError != null) {
      throw new ClusterException(
          "OpenSearch at " + config.urls() + " did not answer " + method + " " + path + " after " + ATTEMPTS
              + " attempts: " + lastError.getMessage(),
          0,
          lastError);
    }
    return last;
  }

  /** Busy (429) and gateway or availability answers (502-504) are worth repeating after a pause. */
  static boolean retriable(int status) {
    return status == 429 || status == 502 || status == 503 || status == 504;
  }

  private Reply once(String method, String path, Map<String, String> params, byte[] body, String contentType)
      throws IOException {
    Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint(path).query(params);
    if (body != null) {
      builder.body(Body.from(body, contentType));
    }
    Request request = builder.build();
    try (Response response = client.execute(request)) {
      JsonNode parsed = json.createObjectNode();
      if (response.getBody().isPresent()) {
        try (Body content = response.getBody().get()) {
          byte[] bytes = content.bodyAsBytes();
          if (bytes.length > 0) {
            try {
              parsed = json.readTree(bytes);
            } catch (IOException notJson) {
              parsed = json.createObjectNode().put("error", new String(bytes, StandardCharsets.UTF_8));
            }
          }
        }
      }
      return new Reply(response.getStatus(), parsed == null ? json.createObjectNode() : parsed);
    }
  }

  static void pause(long millis) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for OpenSearch");
    }
  }

  /** The plugins installed on any node, by name (to tell whether k-NN vector search is available). */
  public List<String> plugins() throws IOException {
    JsonNode nodes = call("GET", "/_nodes/plugins", Map.of("filter_path", "nodes.*.plugins.name"), null).path("nodes");
    java.util.Set<String> names = new java.util.TreeSet<>();
    nodes.forEach(node -> node.path("plugins").forEach(plugin -> names.add(plugin.path("name").asText())));
    return List.copyOf(names);
  }

  @Override
  public void close() throws IOException {
    transport.close();
  }
}
