package dev.dealarchive.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.answer.Confidence;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.hybrid.HybridSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * With the real bundled model over data/: "Nothing in the archive answers" when even the closest passage is from an
 * article that never names what the question names, though its cosine alone would pass; "Closest match:" when the
 * article names it, also in another form the synonyms know (Amazon as AWS).
 */
class ClosestMatchTest {
  /** Names no article of data/ names; its closest passage (Kestrel Bio's cloud deal) has cosine 0.64. */
  static final String UNKNOWN_COMPANY = "Which cloud did Zentrix Pharma pick for its protein design work?";
  /** In other words about Kestrel Bio's move to AWS: a closest match (cosine 0.68, few words in common). */
  static final String KESTREL_IN_OTHER_WORDS = "Which of Kestrel's jobs are being shifted to Amazon?";

  @TempDir static Path temp;
  static Path index;

  @BeforeAll
  static void indexSamples() throws IOException {
    index = SampleIndex.build(temp);
  }

  private static AskResult ask(String question, double minCoverage) throws IOException {
    AnswerSettings defaults = AnswerSettings.defaults();
    AnswerSettings settings =
        new AnswerSettings(
            defaults.k1(), defaults.b(), defaults.titleBoost(), defaults.exactBonus(), defaults.proximityWeight(),
            defaults.proximitySlop(), minCoverage);
    try (Archive archive = Archive.open(index, settings, HybridSettings.defaults())) {
      return archive.ask(question, 5);
    }
  }

  @Test
  void aQuestionAboutACompanyNoArticleNamesGetsNothingThoughItsClosestPassageIsNearInMeaning() throws IOException {
    AskResult closest = ask(UNKNOWN_COMPANY, 0);
    assertNotNull(closest.answer(), "coverage 0 shows the closest passage");
    assertTrue(closest.answer().similarity() >= 0.60, "a cosine the previous rule showed: " + closest.answer());
    assertEquals(0.0, closest.answer().nameCoverage(), "its article never names Zentrix Pharma");

    AskResult result = ask(UNKNOWN_COMPANY, AnswerSettings.defaults().minCoverage());
    assertNull(result.answer(), "nothing answers: " + result.answer());
    assertNotNull(result.tip());
  }

  @Test
  void theCommandLineSaysNothingInTheArchiveAnswersThatQuestion() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = ArchiveCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    int exit = commandLine.execute("ask", "--index", index.toString(), UNKNOWN_COMPANY);
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains("Nothing in the archive answers"), out.toString());
  }

  @Test
  void aQuestionInOtherWordsAboutANamedCompanyGetsItsClosestMatch() throws IOException {
    AskResult result = ask(KESTREL_IN_OTHER_WORDS, AnswerSettings.defaults().minCoverage());
    assertNotNull(result.answer(), "the Kestrel Bio article names Kestrel and Amazon (as AWS)");
    assertEquals("kestrel-bio-aws-exclusive.txt", result.answer().article().id());
    assertEquals(Confidence.CLOSEST, result.answer().confidence(), result.answer().toString());
    assertEquals(1.0, result.answer().nameCoverage());
  }
}
