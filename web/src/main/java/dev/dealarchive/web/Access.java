package dev.dealarchive.web;

import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may read: with a token set, a request needs {@code Authorization: Bearer <token>} or the session cookie the login
 * form sets. The cookie holds a keyed hash of the token, not the token, and every comparison takes the same time
 * whatever the input (hashes of equal length compared with {@link MessageDigest#isEqual}).
 */
final class Access {
  static final String COOKIE = "archive_session";

  private final byte[] tokenHash;
  private final String cookieValue;

  private Access(String token) {
    this.tokenHash = token == null ? null : sha256(token);
    this.cookieValue = token == null ? null : sessionValue(token);
  }

  static Access of(String token) {
    return new Access(token);
  }

  /** True when no token is required. */
  boolean isOpen() {
    return tokenHash == null;
  }

  /** True when the request may read. */
  boolean allows(HttpExchange exchange) {
    if (isOpen()) {
      return true;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return matches(authorization.substring(7).strip());
    }
    List<String> cookies = exchange.getRequestHeaders().get("Cookie");
    if (cookies != null) {
      for (String header : cookies) {
        for (String cookie : header.split(";")) {
          String pair = cookie.strip();
          if (pair.startsWith(COOKIE + "=")
              && MessageDigest.isEqual(
                  sha256(pair.substring(COOKIE.length() + 1)), sha256(cookieValue))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** True when {@code candidate} is the token, compared in constant time. */
  boolean matches(String candidate) {
    return !isOpen() && candidate != null && MessageDigest.isEqual(sha256(candidate), tokenHash);
  }

  /** The {@code Set-Cookie} value that logs a browser in: HttpOnly, same-site only, for the whole site. */
  String sessionCookie() {
    return COOKIE + "=" + cookieValue + "; Path=/; HttpOnly; SameSite=Strict";
  }

  private static String sessionValue(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] value = mac.doFinal("archive-web-session".getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
