package dev.dealarchive.bot;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.util.json.GsonFactory;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts replies through Slack's Web API and response URLs, honouring rate limits ({@code 429} with
 * {@code Retry-After}).
 *
 * <p>Only what Slack is known not to have acted on is retried, so a reply is never posted twice: a refused or
 * unreachable connection, a rate limit, and a {@code 5xx} that carries {@code Retry-After}. A call that timed out
 * waiting for Slack's answer, or any other {@code 5xx}, may have been carried out and is not repeated. Every failure is
 * logged with Slack's error before it is thrown; tokens are never logged.
 */
public final class SlackPoster {
  private static final Logger LOG = LoggerFactory.getLogger(SlackPoster.class);
  private static final Gson GSON = GsonFactory.createSnakeCase();

  private final Slack slack;
  private final MethodsClient methods;
  private final int maxAttempts;
  private final Duration maxWait;

  /**
   * @param slack the client, configured with the Web API base URL
   * @param botToken the bot token used for every call
   * @param maxAttempts tries per call, at least 1
   * @param maxWait the longest single wait for a rate limit; a longer {@code Retry-After} is capped to it
   */
  public SlackPoster(Slack slack, String botToken, int maxAttempts, Duration maxWait) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    this.slack = slack;
    this.methods = slack.methods(botToken);
    this.maxAttempts = maxAttempts;
    this.maxWait = maxWait;
  }

  /** Four tries, waits of at most 30 s. */
  public static SlackPoster standard(Slack slack, String botToken) {
    return new SlackPoster(slack, botToken, 4, Duration.ofSeconds(30));
  }

  /**
   * Posts a message to a channel or DM, in a thread when {@code threadTs} is given.
   *
   * @return the posted message's timestamp
   */
  public String postMessage(String channel, String threadTs, Reply reply) throws SlackPostException {
    ChatPostMessageRequest request = ChatPostMessageRequest.builder()
        .channel(channel)
        .threadTs(threadTs)
        .text(reply.text())
        .blocks(reply.blocks())
        .unfurlLinks(false)
        .unfurlMedia(false)
        .build();
    ChatPostMessageResponse response = call("chat.postMessage", () -> methods.chatPostMessage(request));
    return response.getTs();
  }

  /** Posts a message only {@code user} sees. */
  public void postEphemeral(String channel, String user, Reply reply) throws SlackPostException {
    ChatPostEphemeralRequest request = ChatPostEphemeralRequest.builder()
        .channel(channel)
        .user(user)
        .text(reply.text())
        .blocks(reply.blocks())
        .build();
    call("chat.postEphemeral", () -> methods.chatPostEphemeral(request));
  }

  /** Replaces a message the bot posted. */
  public void update(String channel, String ts, Reply reply) throws SlackPostException {
    ChatUpdateRequest request =
        ChatUpdateRequest.builder().channel(channel).ts(ts).text(reply.text()).blocks(reply.blocks()).build();
    call("chat.update", () -> methods.chatUpdate(request));
  }

  /**
   * Answers through a slash command's or an action's response URL.
   *
   * @param ephemeral whether only the asker sees it
   * @param replaceOriginal whether it replaces the message whose button was clicked
   */
  public void respond(String responseUrl, Reply reply, boolean ephemeral, boolean replaceOriginal)
      throws SlackPostException {
    JsonObject payload = new JsonObject();
    payload.addProperty("text", reply.text());
    payload.add("blocks", GSON.fromJson(reply.blocksJson(), JsonElement.class));
    payload.addProperty("response_type", ephemeral ? "ephemeral" : "in_channel");
    payload.addProperty("replace_original", replaceOriginal);
    String body = GSON.toJson(payload);
    for (int attempt = 1; ; attempt++) {
      WebhookResponse response;
      try {
        response = slack.send(responseUrl, body);
      } catch (IOException e) {
        if (neverSent(e) && attempt < maxAttempts) {
          pause(backoff(attempt), "response_url", attempt);
          continue;
        }
        throw failed("response_url", transportError(e), e);
      }
      int code = response.getCode() == null ? 0 : response.getCode();
      if (code / 100 == 2) {
        return;
      }
      // The SDK's webhook response does not expose headers: only a rate limit is known not to have been carried out.
      if (code == 429 && attempt < maxAttempts) {
        pause(Duration.ofSeconds(1), "response_url", attempt);
        continue;
      }
      throw failed("response_url", "HTTP " + code + " " + shortBody(response.getBody()), null);
    }
  }

  /** A Web API call that may be retried. */
  @FunctionalInterface
  private interface ApiCall<T extends SlackApiTextResponse> {
    T run() throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T call(String method, ApiCall<T> apiCall) throws SlackPostException {
    for (int attempt = 1; ; attempt++) {
      try {
        T response = apiCall.run();
        if (response.isOk()) {
          return response;
        }
        if ("ratelimited".equals(response.getError()) && attempt < maxAttempts) {
          pause(Duration.ofSeconds(1), method, attempt);
          continue;
        }
        throw failed(method, response.getError(), null);
      } catch (SlackApiException e) {
        int code = e.getResponse().code();
        if (code == 429 && attempt < maxAttempts) {
          pause(retryAfter(e.getResponse().header("Retry-After")), method, attempt);
          continue;
        }
        String retryAfter = e.getResponse().header("Retry-After");
        if (code >= 500 && retryAfter != null && attempt < maxAttempts) {
          pause(retryAfter(retryAfter), method, attempt);
          continue;
        }
        String error = e.getError() != null && e.getError().getError() != null
            ? e.getError().getError() : "HTTP " + code;
        throw failed(method, error, e);
      } catch (IOException e) {
        if (neverSent(e) && attempt < maxAttempts) {
          pause(backoff(attempt), method, attempt);
          continue;
        }
        throw failed(method, transportError(e), e);
      }
    }
  }

  /**
   * Whether the request surely never reached Slack: the connection was refused, the host unknown or unreachable, or
   * connecting timed out. A timeout while waiting for the answer is not such a case: Slack may have acted on it.
   */
  static boolean neverSent(IOException e) {
    if (e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException) {
      return true;
    }
    String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
    return e instanceof SocketTimeoutException && message.contains("connect");
  }

  private static String transportError(IOException e) {
    return e instanceof SocketTimeoutException
        ? "no answer in time (not retried: it may have been received)"
        : "network error: " + e.getClass().getSimpleName();
  }

  private Duration retryAfter(String header) {
    long seconds = 1;
    if (header != null) {
      try {
        seconds = Math.max(0, Long.parseLong(header.strip()));
      } catch (NumberFormatException e) {
        seconds = 1;
      }
    }
    Duration wait = Duration.ofSeconds(seconds);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }

  private static Duration backoff(int attempt) {
    return Duration.ofMillis(200L << Math.min(attempt - 1, 5));
  }

  private static void pause(Duration wait, String method, int attempt) throws SlackPostException {
    LOG.info("{} will be retried in {} ms (attempt {} failed)", method, wait.toMillis(), attempt);
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackPostException(method, "interrupted while waiting to retry", e);
    }
  }

  private static SlackPostException failed(String method, String error, Throwable cause) {
    LOG.warn("{} failed: {}", method, error);
    return new SlackPostException(method, error, cause);
  }

  private static String shortBody(String body) {
    if (body == null) {
      return "";
    }
    String line = body.replaceAll("\\s+", " ").strip();
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
