package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTest {

  /** Hands out at most three bytes per read, as a slow network or pipe might, to cross every boundary. */
  private static InputStream trickling(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(3, length));
      }
    };
  }

  private static List<String> lines(ByteLines lines) throws IOException {
    List<String> result = new ArrayList<>();
    while (lines.next()) {
      result.add(
          lines.oversized()
              ? "<" + lines.fullLength() + " bytes>"
              : new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
    }
    return result;
  }

  @Test
  void splitsLinesAcrossReadsAndDropsCarriageReturns() throws IOException {
    ByteLines lines = new ByteLines(trickling("first\r\n\nthird line\r\nlast without end"), 100);

    assertEquals(List.of("first", "", "third line", "last without end"), lines(lines));
    assertEquals(4, lines.lineNumber());
  }

  @Test
  void oversizedLinesAreCountedButNotKept() throws IOException {
    ByteLines lines = new ByteLines(trickling("short\n" + "x".repeat(25) + "\r\nok\n"), 10);

    assertEquals(List.of("short", "<25 bytes>", "ok"), lines(lines));
  }

  @Test
  void lineExactlyAtTheLimitBeforeCarriageReturnFits() throws IOException {
    ByteLines lines = new ByteLines(trickling("0123456789\r\n"), 10);

    assertTrue(lines.next());
    assertFalse(lines.oversized());
    assertEquals("0123456789", new String(lines.bytes(), 0, lines.length(), StandardCharsets.UTF_8));
  }

  @Test
  void peekShowsTheStartWithoutConsumingIt() throws IOException {
    ByteLines lines = new ByteLines(trickling("abc\ndef\n"), 100);

    assertArrayEquals("abc\nde".getBytes(StandardCharsets.UTF_8), lines.peek(6));
    assertEquals(List.of("abc", "def"), lines(lines));
  }

  @Test
  void emptyStreamHasNoLines() throws IOException {
    ByteLines lines = new ByteLines(new ByteArrayInputStream(new byte[0]), 100);

    assertArrayEquals(new byte[0], lines.peek(10));
    assertFalse(lines.next());
  }

  @Test
  void longInputCrossesTheInternalBuffer() throws IOException {
    String line = "y".repeat(999);
    String text = (line + "\n").repeat(300);
    ByteLines lines = new ByteLines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1000);

    List<String> read = lines(lines);

    assertEquals(300, read.size());
    assertTrue(
        read.stream().allMatch(line::equals),
        () -> Arrays.toString(read.stream().mapToInt(String::length).toArray()));
  }
}
