package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.BundledData;
import dev.dealarchive.indexing.ArchiveIndexer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end over an index of the bundled sample articles. */
class ArchiveCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MS_OPENAI = "microsoft-openai-2026-04-28";

  @TempDir static Path temp;
  static Path index;

  static Outcome run(String... args) {
    return Outcome.run(args);
  }

  static Outcome runWithIndex(String... args) {
    return Outcome.runWithIndex(index, args);
  }

  @BeforeAll
  static void indexBundledData() {
    index = Outcome.indexBundledData(temp);
  }

  @Test
  void revenueShareSearchListsTheMicrosoftOpenAiArticleFirstWithTheTwentyPercentSentence() throws IOException {
    JsonNode result = runWithIndex("search", "--json", "revenue share").json();
    JsonNode first = result.get("hits").get(0);
    assertEquals(MS_OPENAI, first.get("id").asText());
    assertTrue(first.get("snippet").asText().contains("20%"), first.get("snippet").asText());
    assertTrue(first.get("snippet").asText().contains("**revenue** **share**"));
  }

  @Test
  void askAndEvalRefuseAnUnknownWayOfRankingNamingTheCommand() {
    Outcome ask = runWithIndex("ask", "--retrieval", "nonsense", "who pays whom?");
    assertEquals(64, ask.exit());
    assertTrue(ask.err().contains("archive ask: retrieval mode must be keyword, semantic or hybrid, not nonsense"), ask.err());
    Outcome eval = runWithIndex("eval", "--fusion", "average", "--feedback");
    assertEquals(64, eval.exit());
    assertTrue(eval.err().startsWith("archive eval: "), eval.err());
    assertTrue(eval.err().contains("average"), eval.err());
  }

  @Test
  void searchJsonHasTheDocumentedKeys() throws IOException {
    JsonNode result = runWithIndex("search", "--json", "cloud").json();
    assertTrue(result.has("query") && result.has("total") && result.has("hits"));
    JsonNode hit = result.get("hits").get(0);
    for (String key : List.of("id", "title", "source", "url", "published", "score", "snippet", "tags")) {
      assertTrue(hit.has(key), "missing " + key + " in " + hit);
    }
  }

  @Test
  void undatedArticlesHaveNullPublished() throws IOException {
    JsonNode hits = runWithIndex("search", "--json", "--limit", "50", "source:Archive").json().get("hits");
    assertEquals(1, hits.size());
    JsonNode all = runWithIndex("search", "--json", "--limit", "50", "kestrel", "aws", "exclusive").json().get("hits");
    boolean sawNull = false;
    for (JsonNode hit : all) {
      sawNull |= hit.get("published").isNull();
    }
    assertTrue(sawNull, all.toString());
  }

  @Test
  void minusWordExcludesAndIsNotTakenForAnOption() throws IOException {
    JsonNode with = runWithIndex("search", "--json", "revenue", "share").json();
    JsonNode without = runWithIndex("search", "--json", "revenue", "share", "-OpenAI").json();
    assertEquals(with.get("total").asLong() - 1, without.get("total").asLong());
  }

  @Test
  void filterOnlyQueryListsMatchesNewestFirst() throws IOException {
    JsonNode hits = runWithIndex("search", "--json", "during:2025").json().get("hits");
    assertTrue(hits.size() >= 2);
    for (int i = 1; i < hits.size(); i++) {
      String previous = hits.get(i - 1).get("published").asText();
      String current = hits.get(i).get("published").asText();
      assertTrue(previous.compareTo(current) >= 0, previous + " before " + current);
      assertTrue(current.startsWith("2025"));
    }
  }

  @Test
  void malformedQueryIsSearchedAsPlainWordsWithANote() {
    Outcome outcome = runWithIndex("search", "\"revenue share");
    assertEquals(0, outcome.exit());
    assertTrue(outcome.out().contains("Note: a quote is not closed"), outcome.out());
    assertTrue(outcome.out().contains("Microsoft and OpenAI"), outcome.out());
  }

  @Test
  void newestSortOrdersByDate() throws IOException {
    JsonNode hits = runWithIndex("search", "--json", "--sort", "newest", "cloud").json().get("hits");
    String previous = "9999";
    for (JsonNode hit : hits) {
      if (!hit.get("published").isNull()) {
        assertTrue(hit.get("published").asText().compareTo(previous) <= 0);
        previous = hit.get("published").asText();
      }
    }
  }

  @Test
  void badSortIsAUsageError() {
    assertEquals(ExitCodes.USAGE, runWithIndex("search", "--sort", "random", "cloud").exit());
  }

  @Test
  void askAnswersTheRevenueShareQuestionWithTheCappedShareSentence() throws IOException {
    JsonNode result = runWithIndex("ask", "--json", "How much revenue share does OpenAI pay Microsoft?").json();
    JsonNode answer = result.get("answer");
    assertEquals(MS_OPENAI, answer.get("id").asText());
    assertTrue(answer.get("text").asText().contains("20%"), answer.toString());
    assertTrue(answer.get("text").asText().contains("2030"), answer.toString());
    assertTrue(result.get("corrected_question").isNull());
  }

  @Test
  void askAnswersWhichCloudsWithTheBedrockSentence() throws IOException {
    JsonNode answer = runWithIndex("ask", "--json", "Which clouds can OpenAI use now?").json().get("answer");
    assertTrue(answer.get("text").asText().contains("Amazon Bedrock"), answer.toString());
    assertTrue(answer.get("text").asText().contains("Google"), answer.toString());
  }

  @Test
  void askSaysPlainlyWhenNothingAnswers() {
    Outcome outcome = runWithIndex("ask", "What did Siemens pay for Dresser-Rand?");
    assertEquals(0, outcome.exit());
    assertTrue(outcome.out().contains("Nothing in the archive answers"), outcome.out());
    assertTrue(outcome.out().contains("Tip:"), outcome.out());
  }

  @Test
  void askCorrectsMisspellingsAndSaysSo() throws IOException {
    JsonNode result = runWithIndex("ask", "--json", "revenu shair microsft").json();
    assertEquals("revenue share microsoft", result.get("corrected_question").asText());
    assertEquals(MS_OPENAI, result.get("answer").get("id").asText());
    Outcome text = runWithIndex("ask", "revenu shair microsft");
    assertTrue(text.out().startsWith("Showing results for: revenue share microsoft"), text.out());
  }

  @Test
  void askUnderstandsCompanyAliases() throws IOException {
    JsonNode answer = runWithIndex("ask", "--json", "What share does MSFT get from OpenAI?").json().get("answer");
    assertEquals(MS_OPENAI, answer.get("id").asText());
  }

  @Test
  void askJsonHasTheDocumentedKeys() throws IOException {
    JsonNode result = runWithIndex("ask", "--json", "Kestrel AWS").json();
    for (String key : List.of("question", "corrected_question", "answer", "hits")) {
      assertTrue(result.has(key), "missing " + key);
    }
    for (String key : List.of("text", "id", "title", "source", "url", "published")) {
      assertTrue(result.get("answer").has(key), "missing answer." + key);
    }
    JsonNode noAnswer = runWithIndex("ask", "--json", "zebra migration in Kenya").json();
    assertTrue(noAnswer.get("answer").isNull());
  }

  @Test
  void askBatchAnswersEveryLineInOrderAsJsonLines() throws IOException {
    String questions = "How much revenue share does OpenAI pay Microsoft?\n\nWhich clouds can OpenAI use now?\nzebra migration in Kenya\n";
    CommandLine commandLine = ArchiveCommand.commandLine();
    AskCommand ask = (AskCommand) commandLine.getSubcommands().get("ask").getCommand();
    ask.stdin(new ByteArrayInputStream(questions.getBytes(StandardCharsets.UTF_8)));
    StringWriter out = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    int exit = commandLine.execute("ask", "--index", index.toString(), "--json", "-");
    assertEquals(0, exit);
    List<String> lines = out.toString().lines().toList();
    assertEquals(3, lines.size(), out.toString());
    assertEquals("How much revenue share does OpenAI pay Microsoft?", JSON.readTree(lines.get(0)).get("question").asText());
    assertEquals("Which clouds can OpenAI use now?", JSON.readTree(lines.get(1)).get("question").asText());
    assertTrue(JSON.readTree(lines.get(2)).get("answer").isNull());
  }

  @Test
  void statsReportsCountsSourcesAndDates() throws IOException {
    JsonNode stats = runWithIndex("stats", "--json").json();
    assertEquals(14, stats.get("articles").asLong());
    assertTrue(stats.get("sources").has("Archive sample (summary of public reports)"));
    assertTrue(stats.get("size_bytes").asLong() > 0);
    assertTrue(stats.get("newest").asText().startsWith("2026"));
    assertTrue(stats.has("last_update"));
  }

  @Test
  void reindexWithNothingChangedReportsEverythingUnchanged() throws IOException {
    JsonNode summary = runWithIndex("index", "--json").json();
    assertEquals(0, summary.get("added").asLong());
    assertEquals(14, summary.get("unchanged").asLong());
  }

  @Test
  void indexExitsTwoWhenAnInputIsSkipped(@TempDir Path folder) throws IOException {
    Files.writeString(folder.resolve("good.md"), "# Good\n\nFine text.\n", StandardCharsets.UTF_8);
    Files.write(folder.resolve("bad.txt"), new byte[] {'a', 0, 'b'});
    Outcome outcome = run("index", "--index", folder.resolve("idx").toString(), folder.toString());
    assertEquals(ExitCodes.SKIPPED, outcome.exit(), outcome.out() + outcome.err());
    assertTrue(outcome.out().contains("bad.txt"), outcome.out());
    assertTrue(outcome.out().contains("binary"), outcome.out());
  }

  @Test
  void secondWriterGetsAClearMessageAndExitOne(@TempDir Path folder) throws IOException {
    Path busy = folder.resolve("idx");
    try (ArchiveIndexer writer = ArchiveIndexer.open(busy)) {
      Outcome outcome = run("index", "--index", busy.toString(), BundledData.folder().toString());
      assertEquals(ExitCodes.FAILED, outcome.exit());
      assertTrue(outcome.err().contains("being updated by another process"), outcome.err());
    }
  }

  @Test
  void searchWithoutAnIndexSaysHowToBuildOne(@TempDir Path folder) {
    Outcome outcome = run("search", "--index", folder.resolve("none").toString(), "cloud");
    assertEquals(ExitCodes.FAILED, outcome.exit());
    assertTrue(outcome.err().contains("run `archive index` first"), outcome.err());
  }

  @Test
  void clusterOptionsStandForTheirVariablesAndTheVariablesStandInForThem() {
    SearchCommand given = new SearchCommand();
    new CommandLine(given).parseArgs("--opensearch", "https://one:9200,https://two:9200", "--opensearch-index",
        "deals", "--shards", "3", "--replicas", "0", "cloud");
    given.location.environment(Map.of(ClusterLocation.URL_VARIABLE, "https://elsewhere:9200", "KEPT", "yes"));
    Map<String, String> environment = given.location.engineEnvironment();
    assertEquals("https://one:9200,https://two:9200", environment.get("ARCHIVE_OPENSEARCH_URL"), "the option wins");
    assertEquals("deals", environment.get("ARCHIVE_OPENSEARCH_INDEX"));
    assertEquals("3", environment.get("ARCHIVE_OPENSEARCH_SHARDS"));
    assertEquals("0", environment.get("ARCHIVE_OPENSEARCH_REPLICAS"));
    assertEquals("yes", environment.get("KEPT"));

    SearchCommand bare = new SearchCommand();
    new CommandLine(bare).parseArgs("--opensearch-index", " ", "cloud");
    bare.location.environment(Map.of("ARCHIVE_OPENSEARCH_URL", "https://env:9200", "ARCHIVE_OPENSEARCH_INDEX", "env"));
    assertEquals(Map.of("ARCHIVE_OPENSEARCH_URL", "https://env:9200", "ARCHIVE_OPENSEARCH_INDEX", "env"),
        bare.location.engineEnvironment(), "without the options (or blank ones) the variables hold");
    IndexLocation plain = new IndexLocation();
    plain.environment(Map.of());
    assertEquals(Map.of(), plain.engineEnvironment(), "a location made without picocli adds nothing");
  }

  @Test
  void theClusterOptionsAreDeclaredOnceWithTheirHelp() {
    String help = new CommandLine(new SearchCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    assertTrue(help.contains("--opensearch=URL[,URL...]"), help);
    assertTrue(help.contains("$ARCHIVE_OPENSEARCH_URL"), help);
    assertTrue(help.contains("--opensearch-index=NAME"), help);
    assertTrue(help.contains("$ARCHIVE_OPENSEARCH_INDEX, else archive"), help);
    assertTrue(help.replaceAll("\\s+", " ").contains("with --opensearch, the working copy in which writes find their "
        + "changes"), help);
  }

  @Test
  void indexLocationFallsBackToTheEnvironmentThenTheDefault() {
    IndexLocation location = new IndexLocation();
    location.environment(Map.of("ARCHIVE_INDEX", "/tmp/x"));
    assertEquals(Path.of("/tmp/x"), location.path());
    location.environment(Map.of());
    assertEquals(Path.of("index"), location.path());
    assertTrue(location.isDefault());
  }
}
