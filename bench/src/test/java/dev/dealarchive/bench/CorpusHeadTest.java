package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subset the vectors phase and embed-bench build, and the lines embed-bench keeps after it for questions. */
class CorpusHeadTest {
  @TempDir Path temp;

  private Path corpusWithBlankLines() throws IOException {
    List<String> lines = new ArrayList<>(List.of("", SmallCorpus.LINES.get(0), "   "));
    lines.addAll(SmallCorpus.LINES.subList(1, 3));
    lines.add("");
    Path file = temp.resolve("corpus.jsonl");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void copiesTheFirstArticlesKeepsTheNextLinesAndCountsEveryArticle() throws IOException {
    Path subset = temp.resolve("subset.jsonl");
    Corpus.Head head = Corpus.head(corpusWithBlankLines(), 1, 5, subset);
    assertEquals(1, head.written());
    assertEquals(List.of(SmallCorpus.LINES.get(0)), Files.readAllLines(subset, StandardCharsets.UTF_8));
    assertEquals(SmallCorpus.LINES.subList(1, 3), head.following(), "the next lines, as many as there are");
    assertEquals(3, head.articles(), "blank lines are no articles");

    Corpus.Head one = Corpus.head(corpusWithBlankLines(), 2, 1, subset);
    assertEquals(SmallCorpus.LINES.subList(0, 2), Files.readAllLines(subset, StandardCharsets.UTF_8));
    assertEquals(List.of(SmallCorpus.LINES.get(2)), one.following());
    assertEquals(3, one.articles());

    Corpus.Head all = Corpus.head(corpusWithBlankLines(), 500, 200, subset);
    assertEquals(3, all.written(), "a corpus smaller than asked is built whole");
    assertEquals(List.of(), all.following());
    assertEquals(SmallCorpus.LINES, Files.readAllLines(subset, StandardCharsets.UTF_8));
  }

  @Test
  void embedBenchAsksTheTitlesAfterTheSubsetThenGeneratedQuestions() throws IOException {
    Corpus.Head head = Corpus.head(corpusWithBlankLines(), 1, 2, temp.resolve("subset.jsonl"));
    assertEquals(List.of("Wheat exports", "Merger talks"), EmbedBenchCommand.questions(head, 2));
    assertEquals(List.of("Wheat exports", "Merger talks", "what did company 0 agree with its partner?"),
        EmbedBenchCommand.questions(head, 5), "at most one generated question per built article");
  }
}
