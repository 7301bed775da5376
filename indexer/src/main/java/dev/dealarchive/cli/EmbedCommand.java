package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexBusyException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive embed}: gives vectors to every article that waits for them. */
@Command(
    name = "embed",
    mixinStandardHelpOptions = true,
    description = {
      "Give vectors to the articles that wait for them (adds vectors to a keyword-only index).",
      "Reads the articles from the index itself, no input again: after `index --no-vectors`, in an index built"
          + " before vectors existed, or after a model change (then every article is embedded again). Commits once;"
          + " later syncs embed new articles.",
      "Exit status: 0 done, 1 failed (the index keeps its last commit)."
    })
public final class EmbedCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EmbedSummary summary;
    try (ArchiveEngine archive = ArchiveEngines.open(location.settings());
        ArchiveWriter writer = archive.openWriter();
        ConsoleProgress progress = new ConsoleProgress(Ansi.AUTO.enabled() && !json, System.err, err)) {
      summary = writer.embed(progress);
    } catch (IndexBusyException | IllegalStateException | UnsupportedOperationException e) {
      err.println("archive embed: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("index", location.path().toString());
      map.putAll(toJson(summary));
      out.println(Json.write(map));
    } else {
      print(out, summary);
    }
    return ExitCodes.OK;
  }

  static void print(PrintWriter out, EmbedSummary summary) {
    if (summary.articles() > 0) {
      out.printf(
          Locale.ROOT,
          "Vectors: %,d articles (%,d passages) embedded in %.2f s, %.1f passages/s%n",
          summary.articles(),
          summary.passages(),
          summary.tookNanos() / 1e9,
          summary.passagesPerSecond());
    }
    if (summary.reused() > 0) {
      out.printf("Vectors: %,d unchanged articles kept their vectors%n", summary.reused());
    } else if (summary.articles() == 0 && summary.waiting() == 0 && summary.note() == null) {
      out.println("Vectors: every article has its vectors");
    }
    if (summary.waiting() > 0) {
      out.printf("Vectors: %,d articles wait for vectors%n", summary.waiting());
    }
    if (summary.note() != null) {
      out.println("Vectors: " + summary.note());
    }
  }

  static Map<String, Object> toJson(EmbedSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("embedded_articles", summary.articles());
    json.put("embedded_passages", summary.passages());
    json.put("reused_articles", summary.reused());
    json.put("waiting", summary.waiting());
    json.put("note", summary.note());
    json.put("seconds", summary.tookNanos() / 1e9);
    return json;
  }
}
