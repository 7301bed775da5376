package dev.dealarchive.bot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} and the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} keyed with the
 * signing secret. A request is accepted only with a matching signature and a timestamp at most five minutes away
 * from now, in either direction, so a captured request cannot be replayed later.
 */
public final class RequestSignature {
  /** Header with the signature. */
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  /** Header with the request's Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";
  /** Largest accepted clock difference, in seconds. */
  public static final long MAX_SKEW_SECONDS = 5 * 60;

  private final SecretKeySpec key;
  private final Clock clock;

  public RequestSignature(String signingSecret, Clock clock) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The signature Slack would send for {@code body} at {@code timestamp}. */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
    }
  }

  /** Whether the headers prove {@code body} came from Slack within the last five minutes. */
  public boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
    if (skew > MAX_SKEW_SECONDS) {
      return false;
    }
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
  }
}
