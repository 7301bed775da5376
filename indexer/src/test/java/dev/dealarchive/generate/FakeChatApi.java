package dev.dealarchive.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.dealarchive.fetch.LocalServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stub of the OpenAI-compatible chat-completions API on 127.0.0.1, on a free port. It records every request and
 * answers with what the test's {@link Responder} returns; no model is involved.
 */
public final class FakeChatApi implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A request as the stub received it. */
  public record Received(String authorization, JsonNode body) {
    public String system() {
      return message("system");
    }

    public String user() {
      return message("user");
    }

    private String message(String role) {
      for (JsonNode message : body.path("messages")) {
        if (role.equals(message.path("role").asText())) {
          return message.path("content").asText();
        }
      }
      return null;
    }
  }

  /** What to answer: status, headers and body. */
  public record Response(int status, String retryAfter, String body) {
    public static Response text(String content) {
      ObjectNode root = JSON.createObjectNode();
      root.put("model", "stub-model-1");
      root.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", content);
      return new Response(200, null, root.toString());
    }

    public static Response status(int status, String retryAfter, String errorMessage) {
      ObjectNode root = JSON.createObjectNode();
      root.putObject("error").put("message", errorMessage);
      return new Response(status, retryAfter, root.toString());
    }
  }

  /** Decides the answer to one request; may block to simulate a slow model. */
  @FunctionalInterface
  public interface Responder {
    Response respond(Received request, int attempt) throws Exception;
  }

  private final LocalServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile Responder responder = (request, attempt) -> Response.text("Nothing configured.");

  public FakeChatApi() throws IOException {
    server = new LocalServer().route("/v1/chat/completions", this::handle);
  }

  public FakeChatApi respond(Responder responder) {
    this.responder = responder;
    return this;
  }

  /** The base URL to configure, as {@code ARCHIVE_LLM_URL}. */
  public URI baseUrl() {
    return server.uri("/v1");
  }

  public List<Received> received() {
    return received;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      Received request = new Received(exchange.getRequestHeaders().getFirst("Authorization"), body);
      received.add(request);
      Response response;
      try {
        response = responder.respond(request, received.size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        response = Response.status(500, null, e.toString());
      }
      if (response.retryAfter() != null) {
        exchange.getResponseHeaders().set("Retry-After", response.retryAfter());
      }
      LocalServer.send(exchange, response.status(), "application/json", response.body());
    } catch (IOException e) {
      // the client went away (a timeout test): nothing to answer
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
