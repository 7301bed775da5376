package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrelsTest {
  @TempDir Path dir;

  @Test
  void readsSpaceAndTabSeparatedJudgmentsSkippingBlankAndCommentLines() throws IOException {
    Path file = write("# judged by hand\n301 0 FBIS-1 2\n\n301\t0\tFBIS-2\t0\n302  0   LA-7   1\n301 0 FT-3 -1\n");

    Qrels qrels = Qrels.read(file);

    assertEquals(List.of("301", "302"), List.copyOf(qrels.judgments().keySet()));
    assertEquals(Map.of("FBIS-1", 2, "FBIS-2", 0, "FT-3", -1), qrels.judgmentsFor("301"));
    assertEquals(4, qrels.judgmentCount());
    assertEquals(1, qrels.relevantCount("301"));
    assertEquals(1, qrels.relevantCount("302"));
    assertEquals(0, qrels.relevantCount("999"));
    assertEquals(Map.of(), qrels.judgmentsFor("999"));
  }

  @Test
  void lineWithTooFewFieldsIsRejectedNamingFileAndLine() throws IOException {
    Path file = write("1 0 a 1\n1 0 b\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Qrels.read(file));

    assertEquals(file, e.file());
    assertEquals(2, e.line());
    assertEquals(file + ":2: expected 4 fields 'qid iter docid rel' but found 3", e.getMessage());
  }

  @Test
  void lineWithTooManyFieldsIsRejected() throws IOException {
    Path file = write("1 0 a 1 extra\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Qrels.read(file));

    assertEquals(file + ":1: expected 4 fields 'qid iter docid rel' but found 5", e.getMessage());
  }

  @Test
  void relevanceThatIsNotAnIntegerIsRejected() throws IOException {
    Path file = write("1 0 a 1\n\n1 0 b high\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Qrels.read(file));

    assertEquals(file + ":3: relevance is not an integer: 'high'", e.getMessage());
  }

  @Test
  void documentJudgedTwiceForAQueryIsRejected() throws IOException {
    Path file = write("1 0 a 1\n2 0 a 1\n1 0 a 0\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Qrels.read(file));

    assertEquals(file + ":3: document a is judged twice for query 1", e.getMessage());
  }

  @Test
  void fileWithoutJudgmentsIsRejected() throws IOException {
    Path file = write("# nothing\n\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Qrels.read(file));

    assertEquals(file + ": no judgments", e.getMessage());
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("qrels.txt");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
