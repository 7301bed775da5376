package dev.dealarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Long, odd and wrong command lines: each gets an answer or a usage error, never a stack of Lucene. */
class CommandLineRobustnessTest {
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

  private static String manyWords(int count) {
    return IntStream.range(0, count).mapToObj(i -> "zq" + Integer.toString(i, 26)).collect(Collectors.joining(" "));
  }

  @Test
  void searchOfThreeHundredWordsKeepsTheRarestAndSaysSo() throws IOException {
    Outcome outcome = runWithIndex("search", "--json", manyWords(300) + " OpenAI revenue share");

    assertEquals(0, outcome.exit(), outcome.err());
    JsonNode result = outcome.json();
    assertEquals(MS_OPENAI, result.get("hits").get(0).get("id").asText(), outcome.out());
    assertTrue(result.get("notices").toString().contains("words"), result.get("notices").toString());
  }

  @Test
  void aWordRepeatedThousandsOfTimesIsSearchedOnce() throws IOException {
    Outcome outcome = runWithIndex("search", "--json", "cloud ".repeat(7_000));

    assertEquals(0, outcome.exit(), outcome.err());
    assertTrue(outcome.json().get("total").asLong() > 0);
  }

  @Test
  void longQuestionIsAnswered() throws IOException {
    Outcome outcome = runWithIndex("ask", "--json", manyWords(400) + " how much revenue share does OpenAI pay?");

    assertEquals(0, outcome.exit(), outcome.err());
  }

  @Test
  void batchAskAnswersEveryLineAndGivesAnErrorObjectForABadOne() throws IOException {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes("How much revenue share does OpenAI pay Microsoft?\n".getBytes(StandardCharsets.UTF_8));
    input.writeBytes(new byte[] {'c', 'l', 'o', 'u', 'd', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
    input.writeBytes(("revenue " + "x".repeat(40_000) + " " + manyWords(2_000) + "\n").getBytes(StandardCharsets.UTF_8));
    input.writeBytes("Which clouds can OpenAI use now?\n".getBytes(StandardCharsets.UTF_8));
    CommandLine commandLine = ArchiveCommand.commandLine();
    AskCommand ask = (AskCommand) commandLine.getSubcommands().get("ask").getCommand();
    ask.stdin(new java.io.ByteArrayInputStream(input.toByteArray()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));

    int exit = commandLine.execute("ask", "--index", index.toString(), "--json", "-");

    List<String> lines = out.toString().lines().toList();
    assertEquals(4, lines.size(), out + "\n" + err);
    assertTrue(JSON.readTree(lines.get(0)).has("answer"));
    JsonNode bad = JSON.readTree(lines.get(1));
    assertEquals(2, bad.get("line").asInt(), lines.get(1));
    assertTrue(bad.get("error").asText().contains("UTF-8"), lines.get(1));
    assertTrue(JSON.readTree(lines.get(2)).has("answer"), lines.get(2).substring(0, 200));
    assertEquals("Which clouds can OpenAI use now?", JSON.readTree(lines.get(3)).get("question").asText());
    assertEquals(ExitCodes.FAILED, exit, "a failed line makes the batch's exit status 1");
  }

  @Test
  void hugeOffsetIsAUsageErrorNotALuceneMessage() {
    Outcome outcome = runWithIndex("search", "--offset", "2147483647", "cloud");

    assertEquals(ExitCodes.USAGE, outcome.exit(), outcome.err());
    assertTrue(outcome.err().startsWith("archive search: --offset"), outcome.err());
  }

  @Test
  void numberTooLargeForAnOptionIsAUsageError() {
    Outcome outcome = runWithIndex("search", "--limit", "2147483648", "cloud");

    assertEquals(ExitCodes.USAGE, outcome.exit(), outcome.err());
  }

  @Test
  void unknownOptionsAreUsageErrorsNotSearchWords() {
    Outcome search = runWithIndex("search", "--limt", "3", "cloud");
    Outcome ask = runWithIndex("ask", "--jsn", "who pays?");
    Outcome index = runWithIndex("index", "--bogus");

    assertEquals(ExitCodes.USAGE, search.exit(), search.out() + search.err());
    assertTrue(search.err().contains("--limt"), search.err());
    assertEquals(ExitCodes.USAGE, ask.exit(), ask.out() + ask.err());
    assertEquals(ExitCodes.USAGE, index.exit(), index.out() + index.err());
    assertTrue(index.err().contains("--bogus"), index.err());
  }

  @Test
  void sixtyBadDateFiltersGiveAFewNoticesNotSixty() throws IOException {
    StringBuilder query = new StringBuilder("cloud");
    for (int i = 0; i < 60; i++) {
      query.append(" after:2026-13-").append(10 + i % 20).append(" before:x").append(i);
    }
    Outcome outcome = runWithIndex("search", "--json", query.toString());

    assertEquals(0, outcome.exit(), outcome.err());
    JsonNode notices = outcome.json().get("notices");
    assertTrue(notices.size() <= 5, notices.toString());
    assertTrue(notices.toString().contains("more notes like these"), notices.toString());
  }

  @Test
  void helpShowsExamplesAndKeepsRankingKnobsApart() {
    for (String command : List.of("index", "search", "ask", "stats", "remove", "feeds", "watch", "add")) {
      Outcome help = run(command, "--help");
      assertEquals(0, help.exit(), command);
      assertTrue(help.out().contains("Example"), command + " --help: " + help.out());
    }
    String ask = run("ask", "--help").out();
    int knobs = ask.indexOf("Ranking knobs");
    assertTrue(knobs > 0, ask);
    String everyday = ask.substring(0, knobs);
    assertTrue(everyday.contains("  --limit=N ") && !everyday.contains("  --k1=K1 "), ask);
    assertTrue(ask.substring(knobs).contains("  --k1=K1 "), ask);
  }

  @Test
  void rankingKnobsStillWorkOnAsk() throws IOException {
    Outcome outcome = runWithIndex("ask", "--json", "--k1", "1.2", "--min-coverage", "0.3", "OpenAI revenue share");

    assertEquals(0, outcome.exit(), outcome.err());
    assertEquals(MS_OPENAI, outcome.json().get("answer").get("id").asText());
  }

  @Test
  void longLinesAreWrappedToTheWidthAtSpaces() {
    String line = "   OpenAI will pay Microsoft a \u001b[1mrevenue\u001b[0m share capped at 20% through 2030, and more words.";

    String wrapped = Rendering.wrap(line, 40, "   ");

    for (String part : wrapped.split("\n")) {
      assertTrue(part.replaceAll("\u001b\\[[0-9;]*m", "").length() <= 40, "[" + part + "]");
      assertTrue(part.startsWith("   "), "[" + part + "]");
    }
    assertEquals(line.replace(" ", ""), wrapped.replace("\n", "").replace(" ", ""));
  }

  @Test
  void excludedWordsStillWork() throws IOException {
    Outcome outcome = runWithIndex("search", "--json", "cloud", "-Google");

    assertEquals(0, outcome.exit(), outcome.err());
  }

  @Test
  void searchHeaderSaysWhichHitsAreShownAndHowToSeeMore() {
    Outcome outcome = runWithIndex("search", "--limit", "2", "\"revenue share\" OR cloud");

    assertEquals(0, outcome.exit(), outcome.err());
    String header = outcome.out().lines().filter(line -> line.contains("showing")).findFirst().orElse("");
    assertTrue(header.matches(".*showing 1\u20132 of \\d+ \\(--offset 2 for more\\).*"), outcome.out());
    assertFalse(outcome.out().contains("\"\""), "doubled quotes: " + outcome.out());
  }

  @Test
  void askAndSearchJsonShareTheHitObjectWithTagsAndSecondsPrecisionDates() throws IOException {
    JsonNode searchHit = runWithIndex("search", "--json", "OpenAI").json().get("hits").get(0);
    JsonNode asked = runWithIndex("ask", "--json", "--limit", "3", "Which clouds can OpenAI use now?").json();

    List<String> searchKeys = new ArrayList<>();
    searchHit.fieldNames().forEachRemaining(searchKeys::add);
    JsonNode askHit = asked.get("hits").get(0);
    List<String> askKeys = new ArrayList<>();
    askHit.fieldNames().forEachRemaining(askKeys::add);
    assertEquals(searchKeys, askKeys);
    assertTrue(askKeys.contains("tags"));
    String published = searchHit.get("published").asText();
    assertTrue(published.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), published);
  }

  @Test
  void bidiControlsInTitlesAreNotPrinted(@TempDir Path folder) {
    Path articles = folder.resolve("in");
    Path idx = folder.resolve("idx");
    try {
      Files.createDirectories(articles);
      Files.writeString(articles.resolve("spoof.md"),
          "# Acme \u202Egnirts\u202C deal \u2066signed\u2069\n\nAcme and Globex signed a licensing deal.\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertEquals(0, run("index", "--index", idx.toString(), articles.toString()).exit());

    Outcome outcome = run("search", "--index", idx.toString(), "licensing");

    assertEquals(0, outcome.exit(), outcome.err());
    assertTrue(outcome.out().contains("Acme"), outcome.out());
    for (char control : new char[] {'\u202E', '\u202C', '\u2066', '\u2069'}) {
      assertFalse(outcome.out().indexOf(control) >= 0, "bidi control U+" + Integer.toHexString(control));
    }
  }
}
