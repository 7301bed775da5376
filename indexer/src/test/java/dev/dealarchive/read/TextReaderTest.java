package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
  @TempDir Path dir;

  private final TextReader reader = new TextReader();

  @Test
  void firstNonEmptyLineIsTheTitleAndTheRestTheBody() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("deal.txt"),
            """


            Kestrel Bio and Northwind Robotics team up
            The two companies will build a lab robot
            together, starting in June.

            Terms were not disclosed.
            - first item
            - second item
            """,
            StandardCharsets.UTF_8);

    ArticleDraft draft = CollectingListener.read(reader, file).single();

    assertEquals("Kestrel Bio and Northwind Robotics team up", draft.title());
    assertEquals(
        """
        The two companies will build a lab robot together, starting in June.

        Terms were not disclosed.
        - first item
        - second item""",
        draft.body());
  }

  @Test
  void singleLineFileHasOnlyATitle() throws IOException {
    Path file = Files.writeString(dir.resolve("one.txt"), "Just a headline\n", StandardCharsets.UTF_8);

    ArticleDraft draft = CollectingListener.read(reader, file).single();

    assertEquals("Just a headline", draft.title());
    assertEquals("", draft.body());
  }

  @Test
  void binaryTextFileIsAProblem() throws IOException {
    Path file = Files.write(dir.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0});

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals("binary file (NUL byte at line 1)", problem.reason());
  }
}
