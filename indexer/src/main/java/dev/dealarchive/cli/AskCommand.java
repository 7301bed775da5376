package dev.dealarchive.cli;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.answer.Confidence;
import dev.dealarchive.hybrid.HybridSettings;
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
      "from standard input and answers each (one JSON object per line with --json)."
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

  private InputStream stdin = System.in;

  /** For tests: where batch questions come from. */
  void stdin(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1) {
      err.println("archive ask: --limit must be at least 1");
      return ExitCodes.USAGE;
    }
    HybridSettings hybrid;
    try {
      hybrid = ranking.hybrid();
    } catch (IllegalArgumentException e) {
      err.println("archive ask: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try (Archive archive = location.open(err, ranking.settings(), hybrid)) {
      if (question.size() == 1 && question.get(0).equals("-")) {
        return batch(archive, out);
      }
      print(out, archive.ask(String.join(" ", question), limit));
      return ExitCodes.OK;
    }
  }

  private int batch(Archive archive, PrintWriter out) throws IOException {
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
    if (json) {
      out.println(Json.write(toJson(result)));
      return;
    }
    result.notices().forEach(notice -> out.println("Note: " + notice));
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
    if (result.answer().isClosestMatch()) {
      out.println("Closest match:");
    }
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
      answer.put("similarity", Double.isNaN(result.answer().similarity()) ? null : result.answer().similarity());
      json.put("answer", answer);
    }
    json.put("hits", result.hits().stream().map(hit -> Rendering.hitJson(hit, false)).toList());
    json.put("confidence", result.answer() == null ? Confidence.NONE.label() : result.answer().confidence().label());
    json.put("tip", result.tip());
    json.put("notices", result.notices());
    return json;
  }
}
