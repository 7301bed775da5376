package dev.dealarchive.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a stream into lines of raw bytes without decoding them, so each line can be decoded and judged on its own.
 * Lines end at {@code \n}; a {@code \r} before it is dropped. Lines longer than a limit are counted but not kept.
 */
final class ByteLines {
  private static final int BUFFER_SIZE = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int bufferPosition;
  private int bufferLimit;
  private boolean endOfStream;

  private byte[] line = new byte[8192];
  private int lineLength;
  private long fullLength;
  private boolean endsWithCarriageReturn;
  private int lineNumber;

  /**
   * @param in the stream, read through this object's own buffer
   * @param maxLineBytes lines longer than this are reported as {@link #oversized()} and not kept
   */
  ByteLines(InputStream in, long maxLineBytes) {
    this.in = in;
    this.maxLineBytes = (int) Math.min(maxLineBytes, Integer.MAX_VALUE - 8);
  }

  /**
   * The first {@code length} bytes of the stream, without consuming them; fewer when the stream is shorter. Used to
   * recognise binary files before any line is reported.
   */
  byte[] peek(int length) throws IOException {
    while (bufferLimit < Math.min(length, buffer.length) && fill()) {
      // fill() appends to the buffer while nothing has been consumed yet
    }
    return Arrays.copyOf(buffer, Math.min(length, bufferLimit));
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLength = 0;
    fullLength = 0;
    endsWithCarriageReturn = false;
    boolean sawAnything = false;
    while (true) {
      if (bufferPosition == bufferLimit && !fill()) {
        if (sawAnything) {
          lineNumber++;
          dropCarriageReturn();
        }
        return sawAnything;
      }
      sawAnything = true;
      int start = bufferPosition;
      int end = start;
      while (end < bufferLimit && buffer[end] != '\n') {
        end++;
      }
      keep(start, end - start);
      bufferPosition = end;
      if (end < bufferLimit) {
        bufferPosition++;
        lineNumber++;
        dropCarriageReturn();
        return true;
      }
    }
  }

  /** The bytes of the current line, valid up to {@link #length()} until the next call to {@link #next()}. */
  byte[] bytes() {
    return line;
  }

  /** How many bytes of {@link #bytes()} belong to the current line; 0 when it is oversized. */
  int length() {
    return oversized() ? 0 : lineLength;
  }

  /** The full length of the current line in bytes, also when it is oversized. */
  long fullLength() {
    return fullLength;
  }

  /** True when the current line is longer than the limit and its bytes were not kept. */
  boolean oversized() {
    return fullLength > maxLineBytes;
  }

  /** 1-based number of the current line. */
  int lineNumber() {
    return lineNumber;
  }

  private void keep(int start, int count) {
    if (count == 0) {
      return;
    }
    fullLength += count;
    endsWithCarriageReturn = buffer[start + count - 1] == '\r';
    // One byte more than the limit is kept in case it is the '\r' of a '\r\n' line end.
    if (fullLength > maxLineBytes + 1L) {
      lineLength = 0;
      return;
    }
    if (lineLength + count > line.length) {
      line = Arrays.copyOf(line, Math.max(lineLength + count, line.length * 2));
    }
    System.arraycopy(buffer, start, line, lineLength, count);
    lineLength += count;
  }

  private void dropCarriageReturn() {
    if (endsWithCarriageReturn) {
      fullLength--;
      lineLength = Math.max(0, lineLength - 1);
    }
  }

  /** Reads more bytes: appends when the buffer still has room and nothing was consumed, else refills it. */
  private boolean fill() throws IOException {
    if (endOfStream) {
      return false;
    }
    if (bufferPosition == bufferLimit) {
      bufferPosition = 0;
      bufferLimit = 0;
    }
    if (bufferLimit == buffer.length) {
      return false;
    }
    int read = in.read(buffer, bufferLimit, buffer.length - bufferLimit);
    if (read < 0) {
      endOfStream = true;
      return false;
    }
    bufferLimit += read;
    return true;
  }
}
