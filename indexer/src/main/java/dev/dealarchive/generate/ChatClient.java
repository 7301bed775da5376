package dev.dealarchive.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small client of the OpenAI-compatible chat-completions API on the JDK's {@link HttpClient}.
 *
 * <p>One call may retry: a refused connection, {@code 429} and {@code 5xx} are tried again with back-off (the
 * server's {@code Retry-After} when it gives one), at most {@link #MAX_ATTEMPTS} attempts, all within the configured
 * timeout. Redirects are not followed, so the key is only ever sent to the configured host.
 */
public final class ChatClient implements AutoCloseable {
  static final int MAX_ATTEMPTS = 3;
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
  private static final int MAX_ERROR_CHARS = 200;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final LlmSettings settings;
  private final ExecutorService executor;
  private final HttpClient http;

  public ChatClient(LlmSettings settings) {
    this.settings = settings;
    int number = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            runnable -> {
              Thread thread = new Thread(runnable, "llm-http-" + number + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    Duration connect = settings.timeout().compareTo(Duration.ofSeconds(5)) < 0 ? settings.timeout() : Duration.ofSeconds(5);
    this.http =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(connect)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** The settings this client sends with. */
  public LlmSettings settings() {
    return settings;
  }

  /**
   * Sends {@code messages} and returns the first choice's text.
   *
   * @throws LlmException when no usable reply came within the timeout, saying why
   */
  public ChatReply complete(List<ChatMessage> messages) throws LlmException {
    byte[] body = requestBody(messages);
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    Duration backoff = FIRST_BACKOFF;
    String lastFailure = "no attempt was made";
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new LlmException(timedOut());
      }
      HttpResponse<String> response;
      try {
        response = http.send(request(body, Duration.ofNanos(remaining)), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (HttpTimeoutException e) {
        throw new LlmException(timedOut());
      } catch (ConnectException e) {
        lastFailure = "the model's API at " + settings.baseUrl() + " refused the connection";
        backoff = waitBeforeRetry(attempt, backoff, Optional.empty(), deadline, lastFailure);
        continue;
      } catch (IOException e) {
        // The request may have reached the model: a second one could be answered twice, so do not retry.
        throw new LlmException("the model's API at " + settings.baseUrl() + " failed: " + scrub(String.valueOf(e.getMessage())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LlmException("interrupted while waiting for the model");
      }
      int status = response.statusCode();
      if (status == 200) {
        return reply(response.body());
      }
      lastFailure = "the model's API answered HTTP " + status + apiError(response.body());
      if (status == 429 || status >= 500) {
        backoff = waitBeforeRetry(attempt, backoff, response.headers().firstValue("Retry-After"), deadline, lastFailure);
        continue;
      }
      throw new LlmException(lastFailure);
    }
    throw new LlmException(lastFailure + " (" + MAX_ATTEMPTS + " attempts)");
  }

  private byte[] requestBody(List<ChatMessage> messages) {
    ObjectNode root = JSON.createObjectNode();
    root.put("model", settings.model());
    ArrayNode array = root.putArray("messages");
    for (ChatMessage message : messages) {
      array.addObject().put("role", message.role()).put("content", message.content());
    }
    // Deterministic answers: the same question over the same passages reads the same.
    root.put("temperature", 0);
    root.put("stream", false);
    try {
      return JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write a chat request", e);
    }
  }

  private HttpRequest request(byte[] body, Duration timeout) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(settings.completionsUri())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (settings.apiKey() != null) {
      builder.header("Authorization", "Bearer " + settings.apiKey());
    }
    return builder.build();
  }

  private ChatReply reply(String body) throws LlmException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new LlmException("the model's API answered with something other than JSON");
    }
    JsonNode content = root.path("choices").path(0).path("message").path("content");
    if (!content.isTextual()) {
      throw new LlmException("the model's API answered without choices[0].message.content");
    }
    String model = root.path("model").isTextual() ? root.path("model").asText() : settings.model();
    return new ChatReply(content.asText(), model);
  }

  /** Sleeps before the next attempt, or fails when none is left or the wait would pass the deadline. */
  private Duration waitBeforeRetry(int attempt, Duration backoff, Optional<String> retryAfter, long deadline, String failure)
      throws LlmException {
    if (attempt == MAX_ATTEMPTS) {
      throw new LlmException(failure + " (" + MAX_ATTEMPTS + " attempts)");
    }
    Duration wait = retryAfter.flatMap(ChatClient::seconds).orElse(backoff);
    if (System.nanoTime() + wait.toNanos() >= deadline) {
      throw new LlmException(failure + "; no time left to retry within " + settings.timeout().toMillis() / 1000.0 + " s");
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LlmException("interrupted while waiting to retry the model");
    }
    return backoff.multipliedBy(4);
  }

  private static Optional<Duration> seconds(String retryAfter) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip()))));
    } catch (NumberFormatException e) {
      return Optional.empty(); // an HTTP date: use our own back-off
    }
  }

  private String timedOut() {
    return "the model did not answer within " + settings.timeout().toMillis() / 1000.0 + " s";
  }

  /** The API's own error message, shortened, when it sent one. */
  private String apiError(String body) {
    try {
      JsonNode message = JSON.readTree(body).path("error").path("message");
      if (message.isTextual() && !message.asText().isBlank()) {
        String text = scrub(message.asText().strip());
        return ": " + (text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text);
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: the status alone says enough
    }
    return "";
  }

  /** Removes the key from text that came from elsewhere (a gateway may echo what it was sent). */
  private String scrub(String text) {
    return settings.apiKey() == null ? text : text.replace(settings.apiKey(), "[key]");
  }

  @Override
  public void close() {
    http.shutdownNow();
    executor.shutdownNow();
  }
}
