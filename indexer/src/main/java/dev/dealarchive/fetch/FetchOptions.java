package dev.dealarchive.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Limits of a fetch.
 *
 * @param connectTimeout longest wait for a connection
 * @param readTimeout longest time one fetch takes in all: connecting, every redirect, headers and body
 * @param maxRedirects most redirects followed (each target is checked by the {@link UrlGuard})
 * @param maxBytes largest body accepted
 * @param allowPrivateAddresses when true, internal addresses (loopback, private, link-local) may be fetched; for tests
 *     and trusted set-ups only
 * @param allowedHosts host names or literal addresses fetched even when internal, lower case (e.g. an intranet
 *     feed); every other internal address stays refused
 * @param userAgent the {@code User-Agent} header
 */
public record FetchOptions(
    Duration connectTimeout,
    Duration readTimeout,
    int maxRedirects,
    long maxBytes,
    boolean allowPrivateAddresses,
    Set<String> allowedHosts,
    String userAgent) {
  /** Default connect timeout: 5 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** Default read timeout: 15 seconds. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
  /** Default and largest redirect count: 5. */
  public static final int MAX_REDIRECTS = 5;
  /** Default body size cap: 5 MB. */
  public static final long DEFAULT_MAX_BYTES = 5L * 1024 * 1024;

  public FetchOptions {
    if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connect timeout must be positive: " + connectTimeout);
    }
    if (readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive: " + readTimeout);
    }
    if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
      throw new IllegalArgumentException("redirects must be between 0 and " + MAX_REDIRECTS + ": " + maxRedirects);
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("max bytes must be positive: " + maxBytes);
    }
    allowedHosts =
        allowedHosts == null
            ? Set.of()
            : allowedHosts.stream().map(FetchOptions::hostKey).collect(Collectors.toUnmodifiableSet());
    userAgent = userAgent == null || userAgent.isBlank() ? "dealarchive/0.1 (+archive watch)" : userAgent;
  }

  /** Safe defaults: 5 s connect, 15 s read, 5 redirects, 5 MB, internal addresses refused. */
  public static FetchOptions defaults() {
    return new FetchOptions(
        DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, MAX_REDIRECTS, DEFAULT_MAX_BYTES, false, Set.of(), null);
  }

  /** These options with internal addresses allowed or refused. */
  public FetchOptions withPrivateAddresses(boolean allow) {
    return new FetchOptions(connectTimeout, readTimeout, maxRedirects, maxBytes, allow, allowedHosts, userAgent);
  }

  /** These options with the given hosts allowed even when internal. */
  public FetchOptions withAllowedHosts(Set<String> hosts) {
    return new FetchOptions(connectTimeout, readTimeout, maxRedirects, maxBytes, allowPrivateAddresses, hosts, userAgent);
  }

  /** These options with other timeouts. */
  public FetchOptions withTimeouts(Duration connect, Duration read) {
    return new FetchOptions(connect, read, maxRedirects, maxBytes, allowPrivateAddresses, allowedHosts, userAgent);
  }

  /** These options with another body size cap. */
  public FetchOptions withMaxBytes(long bytes) {
    return new FetchOptions(connectTimeout, readTimeout, maxRedirects, bytes, allowPrivateAddresses, allowedHosts, userAgent);
  }

  /** A host as compared with {@link #allowedHosts}: lower case, without IPv6 brackets. */
  static String hostKey(String host) {
    String key = host.strip().toLowerCase(Locale.ROOT);
    return key.startsWith("[") && key.endsWith("]") ? key.substring(1, key.length() - 1) : key;
  }
}
