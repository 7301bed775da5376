package dev.dealarchive.bot;

import dev.dealarchive.generate.LlmConfigException;
import dev.dealarchive.generate.LlmSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the bot needs to talk to Slack and find the archive.
 *
 * <p>{@link #toString()} shows which secrets are set, never their values.
 *
 * @param botToken the bot user OAuth token ({@code xoxb-...}); {@code null} in console mode
 * @param appToken the app-level token for Socket Mode ({@code xapp-...}); {@code null} when not using Socket Mode
 * @param signingSecret the signing secret that verifies HTTP requests; {@code null} when not serving HTTP
 * @param apiUrl the base URL of the Slack Web API (without {@code /api/}); every Web API call goes there
 * @param indexDir the archive's index directory
 * @param admins Slack user ids allowed to run {@code /archive reindex} (and {@code /archive add} under
 *     {@link AddPolicy#ADMINS})
 * @param addPolicy who may run {@code /archive add}; {@code null} means {@link AddPolicy#ALL}
 * @param timeZone where digests are posted at 09:00 ({@value #TIMEZONE}); {@code null} means UTC
 * @param llm the language model that writes cited answers ({@code ARCHIVE_LLM_*}), or {@code null} for quoted answers
 *     only
 */
public record BotConfig(
    String botToken,
    String appToken,
    String signingSecret,
    URI apiUrl,
    Path indexDir,
    Set<String> admins,
    AddPolicy addPolicy,
    ZoneId timeZone,
    LlmSettings llm) {

  /** Slack's own Web API. */
  public static final URI DEFAULT_API_URL = URI.create("https://slack.com");

  /** Environment variable names. */
  public static final String BOT_TOKEN = "SLACK_BOT_TOKEN";
  /** Environment variable with the app-level token. */
  public static final String APP_TOKEN = "SLACK_APP_TOKEN";
  /** Environment variable with the signing secret. */
  public static final String SIGNING_SECRET = "SLACK_SIGNING_SECRET";
  /** Environment variable with the Web API base URL. */
  public static final String API_URL = "SLACK_API_URL";
  /** Environment variable with the index directory. */
  public static final String INDEX = "ARCHIVE_INDEX";
  /** Environment variable with the admins' user ids. */
  public static final String ADMINS = "ARCHIVE_ADMINS";
  /** Environment variable saying who may run {@code /archive add}: {@code all} (default) or {@code admins}. */
  public static final String ADD = "ARCHIVE_ADD";
  /** Environment variable with the time zone digests are posted in, such as {@code Europe/Berlin}; UTC by default. */
  public static final String TIMEZONE = "ARCHIVE_TIMEZONE";

  private static final Pattern TOKEN_BODY = Pattern.compile("[A-Za-z0-9-]+");
  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");
  private static final Pattern SECRET = Pattern.compile("[\\x21-\\x7e]{6,}");

  /** How the bot talks to Slack, which decides the variables it needs. */
  public enum Mode {
    /** Socket Mode: needs the bot token and the app token. */
    SOCKET,
    /** Events API over HTTP: needs the bot token and the signing secret. */
    HTTP,
    /** Standard input and output: needs no Slack variable. */
    CONSOLE
  }

  /** Who may run {@code /archive add}, as {@value BotConfig#ADD} sets it. */
  public enum AddPolicy {
    /** Every member of the workspace ({@code ARCHIVE_ADD=all}, the default). */
    ALL,
    /** Only the user ids in {@value BotConfig#ADMINS} ({@code ARCHIVE_ADD=admins}). */
    ADMINS
  }

  public BotConfig {
    apiUrl = apiUrl == null ? DEFAULT_API_URL : apiUrl;
    admins = admins == null ? Set.of() : Set.copyOf(admins);
    addPolicy = addPolicy == null ? AddPolicy.ALL : addPolicy;
    timeZone = timeZone == null ? ZoneOffset.UTC : timeZone;
  }

  /** A configuration without a language model: answers are quoted only. */
  public BotConfig(String botToken, String appToken, String signingSecret, URI apiUrl, Path indexDir,
      Set<String> admins, AddPolicy addPolicy, ZoneId timeZone) {
    this(botToken, appToken, signingSecret, apiUrl, indexDir, admins, addPolicy, timeZone, null);
  }

  /** The same configuration with written answers from {@code llm} (or none, for {@code null}). */
  public BotConfig withLlm(LlmSettings llm) {
    return new BotConfig(botToken, appToken, signingSecret, apiUrl, indexDir, admins, addPolicy, timeZone, llm);
  }

  /** A configuration with digests in UTC. */
  public BotConfig(String botToken, String appToken, String signingSecret, URI apiUrl, Path indexDir,
      Set<String> admins, AddPolicy addPolicy) {
    this(botToken, appToken, signingSecret, apiUrl, indexDir, admins, addPolicy, ZoneOffset.UTC);
  }

  /** A configuration in which every member may run {@code /archive add} ({@link AddPolicy#ALL}). */
  public BotConfig(
      String botToken, String appToken, String signingSecret, URI apiUrl, Path indexDir, Set<String> admins) {
    this(botToken, appToken, signingSecret, apiUrl, indexDir, admins, AddPolicy.ALL, ZoneOffset.UTC);
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @param env the environment, usually {@link System#getenv()}
   * @param mode decides which variables are required
   * @param indexOverride the index directory given on the command line, or {@code null} to use {@code ARCHIVE_INDEX}
   *     and then {@code ./index}
   * @throws ConfigException naming the first missing or malformed variable
   */
  public static BotConfig fromEnvironment(Map<String, String> env, Mode mode, Path indexOverride) {
    boolean slack = mode != Mode.CONSOLE;
    String botToken = slack ? token(env, BOT_TOKEN, "xoxb-", true) : null;
    String appToken = mode == Mode.SOCKET ? token(env, APP_TOKEN, "xapp-", true) : null;
    String signingSecret = mode == Mode.HTTP ? signingSecret(env) : null;
    URI apiUrl = apiUrl(env);
    Path indexDir = indexOverride != null ? indexOverride : indexDir(env);
    return new BotConfig(botToken, appToken, signingSecret, apiUrl, indexDir, admins(env), addPolicy(env),
        timeZone(env), llm(env));
  }

  /** Whether {@code userId} may reindex. */
  public boolean isAdmin(String userId) {
    return userId != null && admins.contains(userId);
  }

  /** Whether {@code userId} may run {@code /archive add}: anyone under {@link AddPolicy#ALL}, else only admins. */
  public boolean mayAdd(String userId) {
    return addPolicy == AddPolicy.ALL || isAdmin(userId);
  }

  /** The Web API endpoint prefix, such as {@code https://slack.com/api/}. */
  public String methodsEndpointUrlPrefix() {
    String base = apiUrl.toString();
    return (base.endsWith("/") ? base : base + "/") + "api/";
  }

  @Override
  public String toString() {
    return "BotConfig[botToken=" + shown(botToken) + ", appToken=" + shown(appToken) + ", signingSecret="
        + shown(signingSecret) + ", apiUrl=" + apiUrl + ", indexDir=" + indexDir + ", admins=" + admins
        + ", addPolicy=" + addPolicy + ", timeZone=" + timeZone + ", llm=" + (llm == null ? "off" : llm) + "]";
  }

  /** The language model settings; a malformed variable stops start-up naming it, as every other variable does. */
  private static LlmSettings llm(Map<String, String> env) {
    try {
      return LlmSettings.fromEnvironment(env).orElse(null);
    } catch (LlmConfigException e) {
      throw new ConfigException(e.variable(), e.problem());
    }
  }

  private static String shown(String secret) {
    return secret == null ? "unset" : "set";
  }

  private static String value(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String token(Map<String, String> env, String name, String prefix, boolean required) {
    String value = value(env, name);
    if (value == null) {
      if (required) {
        throw new ConfigException(name, "is not set; it must hold a Slack token starting with " + prefix);
      }
      return null;
    }
    if (!value.startsWith(prefix) || value.length() == prefix.length()
        || !TOKEN_BODY.matcher(value.substring(prefix.length())).matches()) {
      throw new ConfigException(name, "is malformed; it must be a Slack token starting with " + prefix);
    }
    return value;
  }

  private static String signingSecret(Map<String, String> env) {
    String value = value(env, SIGNING_SECRET);
    if (value == null) {
      throw new ConfigException(SIGNING_SECRET, "is not set; HTTP mode needs the app's signing secret");
    }
    if (!SECRET.matcher(value).matches()) {
      throw new ConfigException(SIGNING_SECRET, "is malformed; it must be the app's signing secret (no spaces)");
    }
    return value;
  }

  private static URI apiUrl(Map<String, String> env) {
    String value = value(env, API_URL);
    if (value == null) {
      return DEFAULT_API_URL;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new ConfigException(API_URL, "is malformed; it must be an http or https URL such as https://slack.com");
      }
      String path = uri.getPath() == null ? "" : uri.getPath();
      if (path.endsWith("/api/") || path.endsWith("/api")) {
        // People paste the full API prefix; accept it and keep the base.
        path = path.substring(0, path.lastIndexOf("/api"));
      }
      return new URI(scheme, uri.getUserInfo(), uri.getHost(), uri.getPort(), path, null, null);
    } catch (URISyntaxException e) {
      throw new ConfigException(API_URL, "is malformed; it must be an http or https URL such as https://slack.com");
    }
  }

  private static Path indexDir(Map<String, String> env) {
    String value = value(env, INDEX);
    try {
      return Path.of(value == null ? "index" : value);
    } catch (RuntimeException e) {
      throw new ConfigException(INDEX, "is malformed; it must be a directory path");
    }
  }

  private static Set<String> admins(Map<String, String> env) {
    String value = value(env, ADMINS);
    if (value == null) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String id : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      if (!USER_ID.matcher(id).matches()) {
        throw new ConfigException(ADMINS, "is malformed; it must be comma-separated Slack user ids such as U012AB3CD");
      }
      ids.add(id);
    }
    return ids;
  }

  private static ZoneId timeZone(Map<String, String> env) {
    String value = value(env, TIMEZONE);
    if (value == null) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new ConfigException(TIMEZONE, "is malformed; it must be a time zone such as UTC, Europe/Berlin or "
          + "America/New_York");
    }
  }

  private static AddPolicy addPolicy(Map<String, String> env) {
    String value = value(env, ADD);
    if (value == null) {
      return AddPolicy.ALL;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "all" -> AddPolicy.ALL;
      case "admins" -> AddPolicy.ADMINS;
      default -> throw new ConfigException(ADD, "is malformed; it must be all (anyone may add articles) or admins "
          + "(only " + ADMINS + ")");
    };
  }
}
