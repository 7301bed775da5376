package dev.dealarchive.cli;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.generate.Generation;
import dev.dealarchive.generate.LlmConfigException;
import dev.dealarchive.generate.WrittenAnswers;
import dev.dealarchive.search.SearchHit;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
      "The search query language works inside questions. With QUESTION '-', reads one question per line",
      "from standard input and answers each (one JSON object per line with --json).",
      "With ARCHIVE_LLM_URL and ARCHIVE_LLM_MODEL set, a model also writes an answer from the same passages,",
      "every sentence citing them; the quoted answer stays, and stands alone when the model fails."
    })
public final class AskCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;
  @Mixin RankingOptions ranking;

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
    if (limit < 1) {
      err.println("archive ask: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    try {
      writer = noLlm ? null : WrittenAnswers.fromEnvironment(environment).orElse(null);
    } catch (LlmConfigException e) {
      err.println("archive ask: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    try (ArchiveEngine archive = location.engine(err, location.settings().withAnswers(ranking.settings()))) {
      if (question.size() == 1 && question.get(0).equals("-")) {
        return batch(archive, out);
      }
      print(out, archive.ask(String.join(" ", question), limit));
      return ExitCodes.OK;
    } finally {
      if (writer != null) {
        writer.close();
      }
    }
  }

  private int batch(ArchiveEngine archive, PrintWriter out) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    boolean first = true;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      if (!json && !first) {
        out.println();
        out.println("----");
        out.println();
      }
      first = false;
      print(out, archive.ask(line.strip(), limit));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private void print(PrintWriter out, AskResult result) {
    Generation generation = writer == null ? null : writer.write(result);
    if (json) {
      Map<String, Object> object = toJson(result);
      if (generation != null) {
        object.put("generated", WrittenAnswerOutput.json(generation));
        List<String> notices = new ArrayList<>(result.notices());
        notices.addAll(WrittenAnswerOutput.notices(generation));
        object.put("notices", notices);
      }
      out.println(Json.write(object));
      return;
    }
    result.notices().forEach(notice -> out.println("Note: " + notice));
    if (generation != null) {
      WrittenAnswerOutput.notices(generation).forEach(notice -> out.println("Note: " + notice));
      WrittenAnswerOutput.print(out, generation);
    }
    if (result.correctedQuestion() != null) {
      out.println("Showing results for: " + result.correctedQuestion());
      out.println();
    }
    if (result.answer() == null) {
      out.println("Nothing in the archive answers \"" + result.question() + "\".");
      out.println("Tip: " + result.tip());
      return;
    }
    SearchHit cited = result.answer().article();
    out.println(Rendering.marked(result.answer().passage()));
    out.println();
    out.println("— " + (cited.title().isEmpty() ? "(untitled)" : cited.title()));
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
      answer.put("published", cited.published() == null ? null : cited.published().toString());
      answer.put("coverage", Double.isNaN(result.answer().coverage()) ? null : result.answer().coverage());
      json.put("answer", answer);
    }
    json.put("hits", result.hits().stream().map(hit -> Rendering.hitJson(hit, false)).toList());
    json.put("tip", result.tip());
    json.put("notices", result.notices());
    return json;
  }
}
