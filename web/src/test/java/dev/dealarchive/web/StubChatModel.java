package dev.dealarchive.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.dealarchive.generate.LlmSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A stand-in for an OpenAI-compatible chat-completions API on 127.0.0.1: always the same answer, calls counted. */
final class StubChatModel implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final AtomicInteger calls = new AtomicInteger();

  StubChatModel(String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        calls.incrementAndGet();
        ObjectNode root = JSON.createObjectNode().put("model", "stub-model");
        root.putArray("choices").addObject().putObject("message").put("role", "assistant").put("content", answer);
        byte[] bytes = JSON.writeValueAsBytes(root);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    });
    server.start();
  }

  /** Settings that send to this stub. */
  LlmSettings settings() {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    return new LlmSettings(url, "stub-model", null, Duration.ofSeconds(5));
  }

  int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
