package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
  @TempDir Path dir;

  @Test
  void writtenRunReadsBackEqualWithExactScores() throws IOException {
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    rankings.put("q2", List.of(
        new ScoredDoc("doc-b", 12.345678901234567),
        new ScoredDoc("doc-a", (double) 0.1f),
        new ScoredDoc("doc-c", 1.0e-7),
        new ScoredDoc("doc-d", -3.5)));
    rankings.put("q10", List.of(new ScoredDoc("only", 1.0e12)));
    Run run = new Run("bm25", rankings);
    Path file = dir.resolve("bm25.run");

    run.write(file);

    assertEquals(run, Run.read(file));
  }

  @Test
  void writerListsResultsInTrecEvalOrderWithRanksFromOne() throws IOException {
    Run run = new Run("tag", Map.of("7", List.of(
        new ScoredDoc("d1", 1.5), new ScoredDoc("d3", 2.0), new ScoredDoc("d2", 1.5))));
    Path file = dir.resolve("tag.run");

    run.write(file);

    // Equal scores: larger document id first, as trec_eval ranks them.
    assertEquals("7 Q0 d3 1 2.0 tag\n7 Q0 d2 2 1.5 tag\n7 Q0 d1 3 1.5 tag\n",
        Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void readerIgnoresRankAndExtraFieldsKeepsFileOrderAndTakesTheLastTag() throws IOException {
    Path file = write("# comment\n1 Q0 a 9 0.5 first\n\n1\tQ0\tb\t1\t0.9\tsecond\textra\n2 0 c 1 3 last\n");

    Run run = Run.read(file);

    assertEquals("last", run.tag());
    assertEquals(List.of("1", "2"), List.copyOf(run.rankings().keySet()));
    assertEquals(List.of(new ScoredDoc("a", 0.5), new ScoredDoc("b", 0.9)), run.ranking("1"));
    assertEquals(List.of(), run.ranking("3"));
  }

  @Test
  void lineWithTooFewFieldsIsRejectedNamingFileAndLine() throws IOException {
    Path file = write("1 Q0 a 1 0.5 t\n1 Q0 b 2 0.4\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Run.read(file));

    assertEquals(file + ":2: expected 6 fields 'qid Q0 docid rank score tag' but found 5", e.getMessage());
  }

  @Test
  void scoreThatIsNotANumberIsRejected() throws IOException {
    Path file = write("1 Q0 a 1 high t\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Run.read(file));

    assertEquals(file + ":1: score is not a number: 'high'", e.getMessage());
  }

  @Test
  void scoreThatIsNotFiniteIsRejected() throws IOException {
    Path file = write("1 Q0 a 1 NaN t\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Run.read(file));

    assertEquals(file + ":1: score is not finite: 'NaN'", e.getMessage());
  }

  @Test
  void documentRankedTwiceForAQueryIsRejected() throws IOException {
    Path file = write("1 Q0 a 1 2 t\n2 Q0 a 1 2 t\n1 Q0 a 2 1 t\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Run.read(file));

    assertEquals(file + ":3: document a is ranked twice for query 1", e.getMessage());
  }

  @Test
  void fileWithoutResultsIsRejected() throws IOException {
    Path file = write("\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Run.read(file));

    assertEquals(file + ": no results", e.getMessage());
  }

  @Test
  void queriesWithoutResultsAreLeftOut() {
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    rankings.put("empty", List.of());
    rankings.put("full", List.of(new ScoredDoc("d", 1)));

    assertEquals(List.of("full"), List.copyOf(new Run("t", rankings).rankings().keySet()));
  }

  @Test
  void documentRankedTwiceIsRejectedOnConstruction() {
    Map<String, List<ScoredDoc>> rankings = Map.of("q", List.of(new ScoredDoc("d", 1), new ScoredDoc("d", 2)));

    assertThrows(IllegalArgumentException.class, () -> new Run("t", rankings));
  }

  @Test
  void tagWithWhitespaceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Run("two words", Map.of()));
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("in.run");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
