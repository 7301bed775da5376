package dev.dealarchive.bot;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signature: {@code v0=} and the hex HMAC-SHA256 of {@code v0:{timestamp}:{body}} keyed with the
 * signing secret. Used to sign requests as Slack does (the latency benchmark, tests); the HTTP server lets Bolt verify
 * them ({@link HttpBotServer}).
 */
public final class RequestSignature {
  /** Header with the signature. */
  public static final String SIGNATURE_HEADER = "X-Slack-Signature";
  /** Header with the request's Unix time in seconds. */
  public static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

  private final SecretKeySpec key;

  public RequestSignature(String signingSecret) {
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
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
}
