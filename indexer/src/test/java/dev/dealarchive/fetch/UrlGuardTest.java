package dev.dealarchive.fetch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlGuardTest {
  /** Resolves only literal addresses and one made-up name, so no test asks a DNS server. */
  private static InetAddress[] resolve(String host) throws UnknownHostException {
    if (host.equals("intranet.example")) {
      return new InetAddress[] {InetAddress.getByName("10.0.0.7")};
    }
    if (host.equals("news.example")) {
      return new InetAddress[] {InetAddress.getByName("93.184.215.14")};
    }
    if (host.matches("[0-9a-f.:]+")) {
      return new InetAddress[] {InetAddress.getByName(host)};
    }
    throw new UnknownHostException(host);
  }

  private final UrlGuard guard = new UrlGuard(FetchOptions.defaults(), UrlGuardTest::resolve);

  private FetchFailure refusal(String url) {
    return assertThrows(FetchException.class, () -> guard.check(url)).reason();
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:///etc/passwd", "ftp://news.example/a", "gopher://news.example/", "javascript:alert(1)"})
  void refusesSchemesOtherThanHttpAndHttps(String url) {
    assertEquals(FetchFailure.SCHEME_NOT_ALLOWED, refusal(url));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/admin",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[fe80::1]/",
        "http://[fd00::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::ffff:10.0.0.1]/",
        "http://[::ffff:0:a9fe:a9fe]/",
        "http://[::ffff:0:7f00:1]/",
        "http://[64:ff9b:1::a9fe:a9fe]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
        "http://224.0.0.1/"
      })
  void refusesInternalAddresses(String url) {
    assertEquals(FetchFailure.PRIVATE_ADDRESS, refusal(url));
  }

  @Test
  void refusesNamesThatResolveToInternalAddresses() {
    FetchException refused = assertThrows(FetchException.class, () -> guard.check("https://intranet.example/wiki"));
    assertEquals(FetchFailure.PRIVATE_ADDRESS, refused.reason());
    assertTrue(refused.getMessage().contains("intranet.example resolves to 10.0.0.7"), refused.getMessage());
  }

  @Test
  void acceptsPublicHostsAndSlackStyleLinks() {
    assertDoesNotThrow(() -> guard.check("https://news.example/2026/deal.html"));
    assertEquals("https://news.example/a", assertDoesNotThrow(() -> guard.check("<https://news.example/a|a deal>")).toString());
    assertDoesNotThrow(() -> guard.check("http://93.184.215.14/"));
  }

  @Test
  void reportsMalformedUrlsAndUnknownHosts() {
    assertEquals(FetchFailure.BAD_URL, refusal("http://exa mple.com/"));
    assertEquals(FetchFailure.BAD_URL, refusal("https:///path-only"));
    assertEquals(FetchFailure.UNKNOWN_HOST, refusal("https://no-such-host.invalid/"));
    assertEquals(FetchFailure.BAD_URL, refusal("http://user:secret@news.example/"));
  }

  @Test
  void allowsInternalAddressesOnlyWhenExplicitlyAllowed() {
    UrlGuard allowAll = new UrlGuard(FetchOptions.defaults().withPrivateAddresses(true), UrlGuardTest::resolve);
    assertDoesNotThrow(() -> allowAll.check("http://127.0.0.1:8080/feed.xml"));
    UrlGuard allowOne =
        new UrlGuard(FetchOptions.defaults().withAllowedHosts(Set.of("intranet.example")), UrlGuardTest::resolve);
    assertDoesNotThrow(() -> allowOne.check("http://intranet.example/feed.xml"));
    assertThrows(FetchException.class, () -> allowOne.check("http://10.0.0.8/"));
  }
}
