package dev.dealarchive.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Decides whether a url supplied by a user may be fetched: only {@code http} and {@code https}, and only hosts whose
 * every address is public. Loopback, link-local (cloud metadata such as {@code 169.254.169.254}), private, carrier
 * NAT, multicast, reserved and documentation ranges are refused, in IPv4 and IPv6, including IPv4 addresses embedded
 * in IPv6 ones (mapped, translated, compatible, NAT64, 6to4). {@link HttpFetcher} asks again for every redirect target.
 *
 * <p>Host names are resolved here and again by the HTTP client when it connects; a name whose DNS answer changes in
 * between (DNS rebinding) is not caught. Thread-safe.
 */
public final class UrlGuard {
  /** Resolves a host name to its addresses; replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    /** Every address of {@code host}. */
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final FetchOptions options;
  private final Resolver resolver;

  /** A guard for the given options, resolving names with the system resolver. */
  public UrlGuard(FetchOptions options) {
    this(options, InetAddress::getAllByName);
  }

  /** A guard for the given options with a custom resolver. */
  public UrlGuard(FetchOptions options, Resolver resolver) {
    this.options = options;
    this.resolver = resolver;
  }

  /**
   * Parses and checks a url as typed by a user (surrounding {@code <>} as Slack adds them are removed).
   *
   * @throws FetchException when the url is malformed or refused
   */
  public URI check(String url) throws FetchException {
    String text = url == null ? "" : url.strip();
    if (text.startsWith("<") && text.endsWith(">")) {
      text = text.substring(1, text.length() - 1);
      int bar = text.indexOf('|');
      text = bar >= 0 ? text.substring(0, bar) : text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new FetchException(FetchFailure.BAD_URL, text, e);
    }
    check(uri);
    return uri;
  }

  /**
   * Checks a url: scheme, host, and every address the host resolves to.
   *
   * @throws FetchException with {@link FetchFailure#SCHEME_NOT_ALLOWED}, {@link FetchFailure#BAD_URL}, {@link
   *     FetchFailure#UNKNOWN_HOST} or {@link FetchFailure#PRIVATE_ADDRESS}
   */
  public void check(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchFailure.SCHEME_NOT_ALLOWED, scheme.isEmpty() ? uri.toString() : scheme + ": in " + uri);
    }
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new FetchException(FetchFailure.BAD_URL, "no host in " + uri);
    }
    if (uri.getRawUserInfo() != null) {
      throw new FetchException(FetchFailure.BAD_URL, "user names and passwords in urls are refused: " + uri.getHost());
    }
    String key = FetchOptions.hostKey(host);
    if (options.allowPrivateAddresses() || options.allowedHosts().contains(key)) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(key);
    } catch (UnknownHostException e) {
      throw new FetchException(FetchFailure.UNKNOWN_HOST, key, e);
    }
    if (addresses.length == 0) {
      throw new FetchException(FetchFailure.UNKNOWN_HOST, key);
    }
    for (InetAddress address : addresses) {
      if (options.allowedHosts().contains(address.getHostAddress().toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (isInternal(address)) {
        String shown = address.getHostAddress();
        throw new FetchException(
            FetchFailure.PRIVATE_ADDRESS, key.equals(shown) ? key : key + " resolves to " + shown);
      }
    }
  }

  /** True for any address that is not a public unicast address. */
  public static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalV4(bytes, 0);
    }
    if (address instanceof Inet6Address) {
      return isInternalV6(bytes);
    }
    return true;
  }

  private static boolean isInternalV4(byte[] bytes, int at) {
    int a = bytes[at] & 0xff;
    int b = bytes[at + 1] & 0xff;
    int c = bytes[at + 2] & 0xff;
    return a == 0 // "this" network
        || a == 10
        || a == 127
        || (a == 100 && b >= 64 && b <= 127) // carrier-grade NAT
        || (a == 169 && b == 254) // link-local, cloud metadata
        || (a == 172 && b >= 16 && b <= 31)
        || (a == 192 && b == 168)
        || (a == 192 && b == 0 && (c == 0 || c == 2)) // IETF protocol assignments, TEST-NET-1
        || (a == 198 && (b == 18 || b == 19)) // benchmarking
        || (a == 198 && b == 51 && c == 100) // TEST-NET-2
        || (a == 203 && b == 0 && c == 113) // TEST-NET-3
        || a >= 224; // multicast, reserved, broadcast
  }

  private static boolean isInternalV6(byte[] bytes) {
    int first = bytes[0] & 0xff;
    if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
      return true;
    }
    if (first == 0xfe && (bytes[1] & 0xc0) == 0xc0) { // site-local fec0::/10
      return true;
    }
    if (allZero(bytes, 0, 10)) {
      boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
      boolean compatible = bytes[10] == 0 && bytes[11] == 0;
      if (mapped || compatible) {
        return isInternalV4(bytes, 12);
      }
    }
    if (allZero(bytes, 0, 8) && (bytes[8] & 0xff) == 0xff && (bytes[9] & 0xff) == 0xff && bytes[10] == 0
        && bytes[11] == 0) {
      return isInternalV4(bytes, 12); // IPv4-translated ::ffff:0:0/96 (SIIT)
    }
    if (first == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b) {
      // NAT64 64:ff9b::/96 embeds the IPv4 address; 64:ff9b:1::/48 is for local networks only
      return bytes[4] == 0 && bytes[5] == 1 || isInternalV4(bytes, 12);
    }
    if (first == 0x20 && bytes[1] == 0x02) {
      return isInternalV4(bytes, 2); // 6to4 2002::/16
    }
    if (first == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8) {
      return true; // documentation 2001:db8::/32
    }
    if (first == 0x20 && bytes[1] == 0x01 && bytes[2] == 0 && bytes[3] == 0) {
      return true; // Teredo 2001::/32 tunnels to arbitrary IPv4 addresses
    }
    return false;
  }

  private static boolean allZero(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
