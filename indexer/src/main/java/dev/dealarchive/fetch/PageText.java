package dev.dealarchive.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes a fetched page: the charset of its {@code Content-Type}, else UTF-8, else the one its meta tag declares. */
final class PageText {
  private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*\"?([A-Za-z0-9._:-]+)");
  private static final Pattern META_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");

  private PageText() {}

  static String decode(byte[] body, String contentType) {
    Charset declared = contentType == null ? null : charset(HEADER_CHARSET.matcher(contentType));
    if (declared != null) {
      return new String(body, declared);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
      Charset meta = charset(META_CHARSET.matcher(head));
      return new String(body, meta != null ? meta : Charset.forName("windows-1252"));
    }
  }

  private static Charset charset(Matcher matcher) {
    if (!matcher.find()) {
      return null;
    }
    try {
      String name = matcher.group(1).toLowerCase(Locale.ROOT);
      return Charset.isSupported(name) ? Charset.forName(name) : null;
    } catch (IllegalCharsetNameException e) {
      return null;
    }
  }
}
