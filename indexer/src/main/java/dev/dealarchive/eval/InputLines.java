package dev.dealarchive.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the lines of a UTF-8 text file with their 1-based numbers. Lines end at {@code \n}; a {@code \r} before it
 * is dropped, and so is a byte order mark at the start of the file. Each line is decoded on its own, so a byte
 * sequence that is not UTF-8 is reported at its own line.
 */
final class InputLines {
  /** Receives one line; may reject it. */
  @FunctionalInterface
  interface Handler {
    void line(int number, String text) throws EvalInputException;
  }

  /** Receives one line and says whether to go on. */
  @FunctionalInterface
  private interface Visitor {
    boolean line(int number, String text) throws EvalInputException;
  }

  private InputLines() {}

  /**
   * Feeds every line of {@code file} to {@code handler}, in order.
   *
   * @throws EvalInputException when a line is not valid UTF-8, or when the handler rejects a line
   * @throws IOException when the file cannot be read
   */
  static void forEach(Path file, Handler handler) throws IOException {
    scan(file, (number, text) -> {
      handler.line(number, text);
      return true;
    });
  }

  /**
   * The first line of {@code file} that is not blank, or null when there is none.
   *
   * @throws EvalInputException when a line up to that one is not valid UTF-8
   * @throws IOException when the file cannot be read
   */
  static String firstNonBlank(Path file) throws IOException {
    String[] found = {null};
    scan(file, (number, text) -> {
      if (text.isBlank()) {
        return true;
      }
      found[0] = text;
      return false;
    });
    return found[0];
  }

  /** True when {@code text} contains a whitespace character. */
  static boolean hasWhitespace(String text) {
    return text.chars().anyMatch(Character::isWhitespace);
  }

  private static void scan(Path file, Visitor visitor) throws IOException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[256];
    int length = 0;
    int number = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int read;
      while ((read = in.read(chunk)) != -1) {
        for (int i = 0; i < read; i++) {
          if (chunk[i] != '\n') {
            if (length == line.length) {
              line = Arrays.copyOf(line, length * 2);
            }
            line[length++] = chunk[i];
            continue;
          }
          number++;
          if (!visitor.line(number, decode(file, number, decoder, line, length))) {
            return;
          }
          length = 0;
        }
      }
      if (length > 0) {
        number++;
        visitor.line(number, decode(file, number, decoder, line, length));
      }
    }
  }

  private static String decode(Path file, int number, CharsetDecoder decoder, byte[] bytes, int length)
      throws EvalInputException {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    String text;
    try {
      text = decoder.decode(ByteBuffer.wrap(bytes, 0, end)).toString();
    } catch (CharacterCodingException e) {
      throw new EvalInputException(file, number, "not valid UTF-8");
    }
    return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
