package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFilesTest {
  @TempDir Path dir;

  @Test
  void readsUtf8TextWithoutByteOrderMark() throws IOException {
    byte[] text = "Überschrift\nDeal signed.".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path file = Files.write(dir.resolve("bom.txt"), withBom);

    assertEquals("Überschrift\nDeal signed.", TextFiles.read(file, 1000));
  }

  @Test
  void emptyFileIsRejected() throws IOException {
    Path file = Files.write(dir.resolve("empty.txt"), new byte[0]);

    InputProblem problem = assertThrows(InputProblem.class, () -> TextFiles.read(file, 1000));
    assertEquals("empty file", problem.reason());
    assertEquals(0, problem.line());
  }

  @Test
  void blankFileCountsAsEmpty() throws IOException {
    Path file = Files.writeString(dir.resolve("blank.txt"), " \n\n\t\n", StandardCharsets.UTF_8);

    assertEquals("empty file", assertThrows(InputProblem.class, () -> TextFiles.read(file, 1000)).reason());
  }

  @Test
  void oversizedFileIsRejectedWithBothSizes() throws IOException {
    Path file = Files.writeString(dir.resolve("big.txt"), "x".repeat(101), StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> TextFiles.read(file, 100));
    assertEquals("oversized: 101 bytes, limit 100 bytes", problem.reason());
  }

  @Test
  void fileAtTheLimitIsRead() throws IOException {
    Path file = Files.writeString(dir.resolve("exact.txt"), "x".repeat(100), StandardCharsets.UTF_8);

    assertEquals(100, TextFiles.read(file, 100).length());
  }

  @Test
  void nulByteMarksBinaryFileWithItsLine() throws IOException {
    Path file = Files.write(dir.resolve("image.txt"), new byte[] {'a', '\n', 'b', '\n', 'c', 0, 'd'});

    InputProblem problem = assertThrows(InputProblem.class, () -> TextFiles.read(file, 1000));
    assertEquals("binary file (NUL byte at line 3)", problem.reason());
    assertEquals(3, problem.line());
  }

  @Test
  void invalidUtf8IsReportedWithLineAndByteOffset() throws IOException {
    byte[] latin1 = "first line\nsecond caf\u00e9 line\n".getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.txt"), latin1);

    InputProblem problem = assertThrows(InputProblem.class, () -> TextFiles.read(file, 1000));
    assertEquals("invalid UTF-8 at line 2 (byte offset 21)", problem.reason());
    assertEquals(2, problem.line());
  }

  @Test
  void truncatedMultibyteSequenceAtTheEndIsInvalid() throws IOException {
    byte[] euro = "a\nb\n€".getBytes(StandardCharsets.UTF_8);
    byte[] truncated = Arrays.copyOf(euro, euro.length - 1);
    Path file = Files.write(dir.resolve("cut.txt"), truncated);

    InputProblem problem = assertThrows(InputProblem.class, () -> TextFiles.read(file, 1000));
    assertEquals("invalid UTF-8 at line 3 (byte offset 4)", problem.reason());
  }
}
