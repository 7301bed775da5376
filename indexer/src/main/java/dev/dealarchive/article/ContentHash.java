package dev.dealarchive.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Hashes of article content, used to skip unchanged articles and to detect duplicates. */
public final class ContentHash {
  private ContentHash() {}

  /** Hash of every stored field of a draft under the given id. */
  public static String of(String id, ArticleDraft draft) {
    MessageDigest digest = sha256();
    for (String part :
        new String[] {
          id,
          draft.title(),
          draft.body(),
          String.valueOf(draft.published()),
          draft.source(),
          String.valueOf(draft.url()),
          String.join("\u001f", draft.authors()),
          String.join("\u001f", draft.tags())
        }) {
      digest.update(part.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0x1e);
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /**
   * Key under which two articles count as the same story: title and body with case, punctuation and white space
   * folded, so a wire story sent twice under new ids is stored once.
   */
  public static String sameStoryKey(String title, String body) {
    MessageDigest digest = sha256();
    digest.update(normalize(title).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0x1e);
    digest.update(normalize(body).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }

  /** Hex sha-256 of raw bytes, used for file content. */
  public static String ofBytes(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes), 0, 16);
  }

  static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.appendCodePoint(Character.toLowerCase(cp));
      } else {
        space = true;
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }
}
