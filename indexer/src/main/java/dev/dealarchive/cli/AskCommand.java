package dev.dealarchive.cli;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.generate.Generation;
import dev.dealarchive.generate.LlmConfigException;
import dev.dealarchive.generate.WrittenAnswers;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.answer.Confidence;
import dev.dealarchive.search.SearchHit;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive ask QUESTION}: the sentence that answers a question, with its source. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Answer a question with the passage that answers it, cited, and further relevant articles.",
      "The search query language works inside questions.",
      "With QUESTION '-', reads one question per line from standard input and answers each (one JSON object per "
          + "line with --json); a line that cannot be answered gets an error object and the batch goes on.",
      "With ARCHIVE_LLM_URL and ARCHIVE_LLM_MODEL set, a model also writes an answer from the same passages, every "
          + "sentence citing them; the quoted answer stays, and stands alone when the model fails."
    },
    footer = {
      "%nExamples:",
      "  archive ask \"How much revenue share does OpenAI pay Microsoft?\"",
      "  archive ask --json --limit 3 \"who licenses inspection software to Helios Grid?\"",
      "  archive ask --json - < questions.txt"
    })
public final class AskCommand implements Callable<Integer> {
  /** Most articles one answer lists. */
  static final int MAX_LIMIT = 1_000;

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;
  @ArgGroup(validate = false, heading = "%nRanking knobs (for tuning with `archive eval`; the defaults are measured):%n")
  RankingOptions ranking = new RankingOptions();

  @Parameters(paramLabel = "QUESTION", arity = "1..*", description = "The question, or - to read questions from standard input.")
  List<String> question = new ArrayList<>();

  @Option(names = "--limit", paramLabel = "N", description = "How many articles in all, the answer's included (default: 5).")
  int limit = 5;

  @Option(names = "--json", description = "Print one JSON object per question.")
  boolean json;

  @Option(names = "--no-llm", description = "Quote the archive only: no written answer from ARCHIVE_LLM_URL for this call.")
  boolean noLlm;

  private InputStream stdin = System.in;
  private Map<String, String> environment = System.getenv();
  private WrittenAnswers writer;

  /** For tests: where batch questions come from. */
  void stdin(InputStream stdin) {
    this.stdin = stdin;
  }

  /** For tests: where the {@code ARCHIVE_LLM_*} variables come from. */
  void environment(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    UnknownOptions.refuse(spec, question);
    if (limit < 1 || limit > MAX_LIMIT) {
      err.println("archive ask: --limit must be from 1 to " + MAX_LIMIT);
      return ExitCodes.USAGE;
    }
    HybridSettings hybrid = ranking.hybridOrExplain(err, "ask");
    if (hybrid == null) {
      return ExitCodes.USAGE;
    }
    try {
      writer = noLlm ? null : WrittenAnswers.fromEnvironment(environment).orElse(null);
    } catch (LlmConfigException e) {
      err.println("archive ask: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    try (ArchiveEngine archive = location.engine(err, location.settings().withAnswers(ranking.settings()).withHybrid(hybrid))) {
      if (question.size() == 1 && question.get(0).equals("-")) {
        return batch(archive, out, err);
      }
      print(out, archive.ask(String.join(" ", question), limit));
      return ExitCodes.OK;
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  /**
   * Answers one question per line. A line that cannot be answered (not UTF-8, or a failure while answering it) gets
   * an error object ({@code line}, {@code question}, {@code error}) or an error line, and the batch goes on; the exit
   * status is then 1.
   */
  private int batch(ArchiveEngine archive, PrintWriter out, PrintWriter err) throws IOException {
    BufferedInputStream in = new BufferedInputStream(stdin);
    boolean first = true;
    boolean failed = false;
    int number = 0;
    for (byte[] bytes = nextLine(in); bytes != null; bytes = nextLine(in)) {
      number++;
      String line;
      try {
        line = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        failed = true;
        lineFailed(out, err, number, null, "line " + number + " is not valid UTF-8");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      if (!json && !first) {
        out.println();
        out.println("----");
        out.println();
      }
      first = false;
      AskResult result;
      try {
        result = archive.ask(line.strip(), limit);
      } catch (RuntimeException | IOException e) {
        failed = true;
        lineFailed(out, err, number, line.strip(), Messages.describe(e));
        continue;
      }
      print(out, result);
    }
    out.flush();
    return failed ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private void lineFailed(PrintWriter out, PrintWriter err, int number, String question, String error) {
    if (json) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("line", number);
      object.put("question", question);
      object.put("error", error);
      out.println(Json.write(object));
    } else {
      err.println("archive ask: line " + number + ": " + error);
    }
  }

  /** The next line's bytes without its line break ({@code \n} or {@code \r\n}), or null at the end. */
  private static byte[] nextLine(BufferedInputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    while (b >= 0 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    byte[] bytes = line.toByteArray();
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return end == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, end);
  }

  private void print(PrintWriter out, AskResult result) {
    Generation generation = writer == null ? null : writer.write(result);
    if (json) {
      out.println(Json.write(generation == null ? toJson(result) : toJson(result, generation)));
      return;
    }
    result.notices().forEach(notice -> out.println("Note: " + notice));
    if (generation != null) {
      WrittenAnswerOutput.notices(generation).forEach(notice -> out.println("Note: " + notice));
      WrittenAnswerOutput.print(out, generation);
    }
    if (result.correctedQuestion() != null) {
      out.println("Showing results for: " + Rendering.printable(result.correctedQuestion()));
      out.println();
    }
    if (result.answer() == null) {
      out.println("Nothing in the archive answers \u201c" + Rendering.printable(result.question()) + "\u201d.");
      out.println("Tip: " + result.tip());
      return;
    }
    SearchHit cited = result.answer().article();
    if (result.answer().isClosestMatch()) {
      out.println("Closest match:");
    }
    out.println(Rendering.marked(result.answer().passage()));
    out.println();
    out.println("— " + Rendering.title(cited));
    out.println("  " + Rendering.hit(0, cited).lines().skip(1).findFirst().orElse("").strip());
    if (!result.hits().isEmpty()) {
      out.println();
      out.println("Also relevant:");
      int rank = 1;
      for (SearchHit hit : result.hits()) {
        out.print(Rendering.hit(rank++, hit));
      }
    }
    out.printf("%n(%s)%n", Rendering.millis(result.tookNanos()));
  }

  /** The {@code --json} object with the model's written answer ({@code generated}) and its notices added. */
  static Map<String, Object> toJson(AskResult result, Generation generation) {
    Map<String, Object> object = toJson(result);
    object.put("generated", WrittenAnswerOutput.json(generation));
    List<String> notices = new ArrayList<>(result.notices());
    notices.addAll(WrittenAnswerOutput.notices(generation));
    object.put("notices", notices);
    return object;
  }

  static Map<String, Object> toJson(AskResult result) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("question", result.question());
    json.put("corrected_question", result.correctedQuestion());
    if (result.answer() == null) {
      json.put("answer", null);
    } else {
      SearchHit cited = result.answer().article();
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("text", result.answer().passage().withStars());
      answer.put("id", cited.id());
      answer.put("title", cited.title());
      answer.put("source", cited.source());
      answer.put("url", cited.url());
      answer.put("published", Rendering.utcSecond(cited.published()));
      answer.put("coverage", Double.isNaN(result.answer().coverage()) ? null : result.answer().coverage());
      answer.put("similarity", Double.isNaN(result.answer().similarity()) ? null : result.answer().similarity());
      answer.put("article_coverage", orNull(result.answer().articleCoverage()));
      answer.put("name_coverage", orNull(result.answer().nameCoverage()));
      json.put("answer", answer);
    }
    json.put("hits", result.hits().stream().map(Rendering::hitJson).toList());
    json.put("confidence", result.answer() == null ? Confidence.NONE.label() : result.answer().confidence().label());
    json.put("tip", result.tip());
    json.put("notices", result.notices());
    return json;
  }

  private static Double orNull(double value) {
    return Double.isNaN(value) ? null : value;
  }
}
