package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.cli.ArchiveCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive ask --retrieval} (and the other fusion options) change how the question is ranked, over data/ with
 * the real model: the headline question in other words than the article's is answered by meaning and by both, and
 * not by words alone.
 */
class AskRetrievalOptionTest {
  static final String HEADLINE = "Is Microsoft still OpenAI's only cloud provider?";

  @TempDir static Path temp;
  static Path index;

  @BeforeAll
  static void indexSamples() throws IOException {
    index = SampleIndex.build(temp);
  }

  private static String askJson(String... options) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(List.of("ask", "--index", index.toString(), "--json"));
    args.addAll(List.of(options));
    args.add(HEADLINE);
    int exit = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    assertEquals(0, exit, err.toString());
    return out.toString();
  }

  @Test
  void byDefaultTheHeadlineQuestionIsAnsweredFromTheMicrosoftOpenAiArticle() {
    String answer = askJson();
    assertTrue(answer.contains("\"confidence\":\"strong\""), answer);
    assertTrue(answer.contains("\"id\":\"microsoft-openai-2026-04-28\""), answer);
    assertEquals(answer, askJson("--retrieval", "hybrid"), "hybrid is the default");
  }

  @Test
  void byWordsAloneTheSameQuestionFindsNothing() {
    String answer = askJson("--retrieval", "keyword");
    assertTrue(answer.contains("\"answer\":null"), answer);
    assertTrue(answer.contains("\"confidence\":\"none\""), answer);
  }

  @Test
  void byMeaningAloneItIsAnsweredFromTheSameArticle() {
    String answer = askJson("--retrieval", "semantic");
    assertTrue(answer.contains("\"id\":\"microsoft-openai-2026-04-28\""), answer);
  }

  @Test
  void anUnknownModeIsAUsageError() {
    StringWriter err = new StringWriter();
    int exit = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "ask", "--index", index.toString(), "--retrieval", "nonsense", HEADLINE);
    assertEquals(64, exit);
    assertTrue(err.toString().contains("retrieval mode must be keyword, semantic or hybrid, not nonsense"), err.toString());
  }
}
