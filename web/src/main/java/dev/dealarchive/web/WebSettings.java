package dev.dealarchive.web;

import dev.dealarchive.generate.LlmSettings;
import java.net.InetSocketAddress;

/**
 * How the server listens and what it accepts.
 *
 * @param bind the address to listen on (loopback unless the user says otherwise)
 * @param port the port, 0 for any free one
 * @param token the access token, or {@code null} to serve without one
 * @param maxQueryChars longest query or question accepted
 * @param maxLimit largest {@code limit} accepted by the API
 * @param maxOffset largest {@code offset} accepted: deep pages cost as much as all the pages before them
 * @param llm the language model that writes cited answers ({@code ARCHIVE_LLM_*}), or {@code null} for quoted answers
 *     only
 * @param cacheEntries how many searches, facet counts and answers to keep for reuse until the index changes (0 keeps
 *     none): paging, sorting, the back button and a shared link then skip the work already done
 */
public record WebSettings(
    String bind,
    int port,
    String token,
    int maxQueryChars,
    int maxLimit,
    int maxOffset,
    LlmSettings llm,
    int cacheEntries) {
  /**
   * Default of {@link #cacheEntries}: a few megabytes at most. Kept small on purpose: every result still kept when the
   * garbage collector runs is copied by it, so a young collection of a busy server paused about 20 ms with 4,096
   * entries and about 4 ms with 256 (2 ms with none), and those pauses were the long tail of its latency; the
   * repeats that reuse pays for (the next page, newest first, the back button, a link shared in a chat) come within
   * a few hundred requests and are kept as well (docs/web.md, "Reuse until the index changes").
   */
  public static final int CACHE_ENTRIES = 256;

  /** Environment variable holding the access token. */
  public static final String TOKEN_ENV = "ARCHIVE_WEB_TOKEN";

  public WebSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
    }
    token = token == null || token.isBlank() ? null : token.strip();
    if (cacheEntries < 0) {
      throw new IllegalArgumentException("cache entries must not be negative: " + cacheEntries);
    }
  }

  /** Settings with the default cache. */
  public WebSettings(
      String bind, int port, String token, int maxQueryChars, int maxLimit, int maxOffset, LlmSettings llm) {
    this(bind, port, token, maxQueryChars, maxLimit, maxOffset, llm, CACHE_ENTRIES);
  }

  /** Settings without a language model. */
  public WebSettings(String bind, int port, String token, int maxQueryChars, int maxLimit, int maxOffset) {
    this(bind, port, token, maxQueryChars, maxLimit, maxOffset, null);
  }

  /** Listens on {@code bind}:{@code port} with the token (or none) and the default limits. */
  public static WebSettings of(String bind, int port, String token) {
    return new WebSettings(bind, port, token, 1_000, 100, 10_000);
  }

  /** Loopback, the given port, no token, default limits. */
  public static WebSettings loopback(int port) {
    return of("127.0.0.1", port, null);
  }

  /** The same settings with an access token. */
  public WebSettings withToken(String token) {
    return new WebSettings(bind, port, token, maxQueryChars, maxLimit, maxOffset, llm, cacheEntries);
  }

  /** The same settings with written answers from {@code llm} (or none, for {@code null}). */
  public WebSettings withLlm(LlmSettings llm) {
    return new WebSettings(bind, port, token, maxQueryChars, maxLimit, maxOffset, llm, cacheEntries);
  }

  /** The same settings keeping {@code entries} results for reuse (0: none). */
  public WebSettings withCacheEntries(int entries) {
    return new WebSettings(bind, port, token, maxQueryChars, maxLimit, maxOffset, llm, entries);
  }

  InetSocketAddress address() {
    return new InetSocketAddress(bind, port);
  }
}
