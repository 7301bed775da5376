package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.fetch.AddResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive add URL}: fetches one article page, indexes it and prints what was stored. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch one article page, extract it, index it and print what was stored (title, source, date, id).",
      "Only http and https; internal addresses are refused unless allowed.",
      "While `archive watch` runs, the article is queued and the watcher stores it within seconds.",
      "Exit status: 0 stored or queued, 1 refused or failed (the reason is printed)."
    },
    footer = {"%nExample:", "  archive add https://news.example/2026/04/microsoft-openai-deal"})
public final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;
  @Mixin FetchRules fetchRules;

  @Parameters(paramLabel = "URL", description = "The article's address.")
  String url;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    AddResult result;
    try (ArchiveEngine archive = ArchiveEngines.open(location.settings().withFetch(fetchRules.options()))) {
      result = archive.add(url);
    }
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("status", result.status().name().toLowerCase(Locale.ROOT));
      map.put("url", result.url());
      map.put("id", result.id());
      map.put("title", result.title());
      map.put("source", result.source());
      map.put("published", result.published() == null ? null : result.published().toString());
      map.put("reason", result.reason());
      out.println(Json.write(map));
    } else if (result.ok()) {
      out.println(result.message());
    } else {
      spec.commandLine().getErr().println("archive add: " + result.message());
    }
    return result.ok() ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
