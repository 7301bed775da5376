package dev.dealarchive.read;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads input files as strict UTF-8 text, turning every way a file can be unusable into an {@link InputProblem}. */
public final class TextFiles {
  private static final int BOM_LENGTH = 3;

  private TextFiles() {}

  /**
   * Reads {@code file} as UTF-8 text without its byte order mark.
   *
   * @param maxBytes largest accepted file size
   * @return the text, never blank
   * @throws InputProblem when the file is empty or blank, oversized, binary (contains a NUL byte) or not valid UTF-8
   * @throws IOException when the file cannot be read
   */
  public static String read(Path file, long maxBytes) throws IOException {
    String text = decode(readBytes(file, maxBytes));
    if (text.isBlank()) {
      throw new InputProblem(0, "empty file");
    }
    return text;
  }

  /**
   * Reads the bytes of {@code file}, checking its size before reading it.
   *
   * @param maxBytes largest accepted file size
   * @return the bytes, never empty
   * @throws InputProblem when the file is empty or larger than {@code maxBytes}
   * @throws IOException when the file cannot be read
   */
  public static byte[] readBytes(Path file, long maxBytes) throws IOException {
    checkSize(Files.size(file), maxBytes);
    byte[] bytes = Files.readAllBytes(file);
    // The file may have changed between the two calls.
    checkSize(bytes.length, maxBytes);
    return bytes;
  }

  /**
   * Decodes {@code bytes} as strict UTF-8, dropping a leading byte order mark.
   *
   * @throws InputProblem when the bytes contain a NUL byte ({@code "binary file (NUL byte at line L)"}) or are not
   *     valid UTF-8 ({@code "invalid UTF-8 at line L (byte offset B)"}, with B counted from the start of the bytes)
   */
  public static String decode(byte[] bytes) throws InputProblem {
    int nul = indexOf(bytes, (byte) 0, bytes.length);
    if (nul >= 0) {
      throw new InputProblem(lineAt(bytes, nul), "binary file (NUL byte at line " + lineAt(bytes, nul) + ")");
    }
    int start = hasBom(bytes) ? BOM_LENGTH : 0;
    ByteBuffer input = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      return strictDecoder().decode(input).toString();
    } catch (CharacterCodingException e) {
      // After a failed decode the buffer stands at the first byte of the malformed sequence.
      int offset = input.position();
      int line = lineAt(bytes, offset);
      throw new InputProblem(line, "invalid UTF-8 at line " + line + " (byte offset " + offset + ")", e);
    }
  }

  /** A UTF-8 decoder that reports malformed and unmappable input instead of replacing it. */
  static CharsetDecoder strictDecoder() {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** True when {@code bytes} start with the UTF-8 byte order mark. */
  static boolean hasBom(byte[] bytes) {
    return bytes.length >= BOM_LENGTH
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF;
  }

  /** Index of the first {@code value} among the first {@code length} bytes, or -1. */
  static int indexOf(byte[] bytes, byte value, int length) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == value) {
        return i;
      }
    }
    return -1;
  }

  /** 1-based line of the byte at {@code offset}. */
  static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static void checkSize(long size, long maxBytes) throws InputProblem {
    if (size == 0) {
      throw new InputProblem(0, "empty file");
    }
    if (size > maxBytes) {
      throw new InputProblem(0, "oversized: " + size + " bytes, limit " + maxBytes + " bytes");
    }
  }
}
