package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.cli.ArchiveCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
    CommandLine commandLine = ArchiveCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    String[] args = new String[options.length + 5];
    args[0] = "ask";
    args[1] = "--index";
    args[2] = index.toString();
    args[3] = "--json";
    System.arraycopy(options, 0, args, 4, options.length);
    args[args.length - 1] = HEADLINE;
    int exit = commandLine.execute(args);
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
    CommandLine commandLine = ArchiveCommand.commandLine();
    commandLine.setOut(new PrintWriter(new StringWriter()));
    commandLine.setErr(new PrintWriter(err));
    int exit = commandLine.execute("ask", "--index", index.toString(), "--retrieval", "nonsense", HEADLINE);
    assertEquals(64, exit);
    assertTrue(err.toString().contains("retrieval mode must be keyword, semantic or hybrid, not nonsense"), err.toString());
  }
}
