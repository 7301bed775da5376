package dev.dealarchive.generate;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the language model is and how long to wait for it, from the environment.
 *
 * @param baseUrl base URL of an OpenAI-compatible API ({@code http://localhost:11434/v1} for Ollama)
 * @param model the model name sent with each request
 * @param apiKey sent as a bearer token, or {@code null}; never printed ({@link #toString()} hides it)
 * @param timeout the longest a written answer may take, retries included
 */
public record LlmSettings(URI baseUrl, String model, String apiKey, Duration timeout) {
  public static final String URL_VARIABLE = "ARCHIVE_LLM_URL";
  public static final String MODEL_VARIABLE = "ARCHIVE_LLM_MODEL";
  public static final String KEY_VARIABLE = "ARCHIVE_LLM_API_KEY";
  public static final String TIMEOUT_VARIABLE = "ARCHIVE_LLM_TIMEOUT";
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

  public LlmSettings {
    if (baseUrl == null || model == null || model.isBlank() || timeout == null) {
      throw new IllegalArgumentException("a base url, a model and a timeout are required");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the timeout must be positive: " + timeout);
    }
    apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
  }

  /**
   * Reads the {@code ARCHIVE_LLM_*} variables.
   *
   * @return empty when {@code ARCHIVE_LLM_URL} is unset or blank: written answers are off
   * @throws LlmConfigException naming the variable when one is malformed or missing
   */
  public static Optional<LlmSettings> fromEnvironment(Map<String, String> environment) {
    String url = environment.get(URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI baseUrl = parseUrl(url.strip());
    String model = environment.get(MODEL_VARIABLE);
    if (model == null || model.isBlank()) {
      throw new LlmConfigException(MODEL_VARIABLE, "must name the model when " + URL_VARIABLE + " is set");
    }
    String timeout = environment.get(TIMEOUT_VARIABLE);
    Duration wait = timeout == null || timeout.isBlank() ? DEFAULT_TIMEOUT : parseTimeout(timeout.strip());
    return Optional.of(new LlmSettings(baseUrl, model.strip(), environment.get(KEY_VARIABLE), wait));
  }

  /** {@code POST} target: the base URL with {@code /chat/completions} appended. */
  public URI completionsUri() {
    String base = baseUrl.toString();
    return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
  }

  private static URI parseUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new LlmConfigException(URL_VARIABLE, "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new LlmConfigException(URL_VARIABLE, "must be an http:// or https:// URL with a host, such as http://localhost:11434/v1");
    }
    if (uri.getUserInfo() != null) {
      // A password in the URL would be printed wherever the URL is; the key has its own variable.
      throw new LlmConfigException(URL_VARIABLE, "must not hold a user or password; put the key in " + KEY_VARIABLE);
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new LlmConfigException(URL_VARIABLE, "must be a base URL without ?query or #fragment");
    }
    return uri;
  }

  /** Accepts {@code 15}, {@code 15s}, {@code 1500ms} or an ISO-8601 duration such as {@code PT15S}. */
  private static Duration parseTimeout(String text) {
    try {
      String lower = text.toLowerCase(Locale.ROOT);
      Duration duration;
      if (lower.startsWith("pt")) {
        duration = Duration.parse(text);
      } else if (lower.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).strip()));
      } else if (lower.endsWith("s")) {
        duration = Duration.ofMillis(Math.round(Double.parseDouble(lower.substring(0, lower.length() - 1).strip()) * 1000));
      } else {
        duration = Duration.ofMillis(Math.round(Double.parseDouble(lower) * 1000));
      }
      if (duration.isNegative() || duration.isZero()) {
        throw new LlmConfigException(TIMEOUT_VARIABLE, "must be positive: " + text);
      }
      return duration;
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new LlmConfigException(TIMEOUT_VARIABLE, "must be seconds (15, 15s), milliseconds (1500ms) or ISO-8601 (PT15S): " + text);
    }
  }

  /** Describes the settings without the key. */
  @Override
  public String toString() {
    return "LlmSettings[url=" + baseUrl + ", model=" + model + ", key=" + (apiKey == null ? "none" : "(set)")
        + ", timeout=" + timeout.toMillis() + "ms]";
  }
}
