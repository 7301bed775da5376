package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.indexing.Skip;
import dev.dealarchive.read.ReadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive index PATH...}: brings the index in line with files and folders. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Index files and folders (recursively): Markdown, text, HTML, JSON, JSON lines, RSS and Atom.",
      "Re-runs read only new or changed files and remove articles whose files were deleted.",
      "Without PATH, re-syncs the inputs earlier runs were given.",
      "Exit status: 0 all indexed, 2 some inputs skipped, 1 failed (index unchanged)."
    },
    footer = {
      "%nExamples:",
      "  archive index data/ exports/deals.jsonl",
      "  archive index                 # re-sync every input indexed before",
      "  archive index --full data/    # rebuild from exactly these inputs"
    })
public final class IndexCommand implements Callable<Integer> {
  private static final int LISTED = 20;

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to index.")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--full", description = "Rebuild from scratch; the old index serves until the new one is complete.")
  boolean full;

  @Option(names = "--threads", paramLabel = "N", description = "Indexing threads (default: one per core).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--max-bytes",
      paramLabel = "SIZE",
      description = "Largest file (or JSON-lines record) to read, e.g. 10MB, 512KB (default: 10MB).")
  String maxBytes = "10MB";

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  boolean json;

  @Option(
      names = "--vectors",
      negatable = true,
      description = {
        "--no-vectors: keyword-only; this run embeds nothing (a new index stays keyword-only, `archive embed` adds"
            + " vectors later). --vectors: embed now, also in a keyword-only index.",
        "Default: a new index gets vectors when the model is installed; an existing one keeps what it has."
      })
  Boolean vectors;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    IndexOptions options = new IndexOptions(new ReadOptions(parseSize(maxBytes)), threads, full, vectors);
    Path index = location.path();
    IndexSummary summary;
    EmbedSummary embedding;
    try (ArchiveEngine archive = ArchiveEngines.open(location.settings());
        ArchiveWriter indexer = archive.openWriter();
        ConsoleProgress progress = new ConsoleProgress(Ansi.AUTO.enabled() && !json, System.err, err)) {
      if (paths.isEmpty()) {
        if (indexer.recordedInputs().isEmpty()) {
          err.println("archive index: name the files or folders to index (this index has none recorded yet)");
          return ExitCodes.USAGE;
        }
        summary = indexer.reindex(options, progress);
      } else {
        summary = indexer.index(paths, options, progress);
      }
      embedding = indexer.lastEmbedding();
    } catch (IndexBusyException e) {
      err.println("archive index: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (json) {
      Map<String, Object> map = toJson(index, summary);
      map.put("vectors", embedding == null ? null : EmbedCommand.toJson(embedding));
      out.println(Json.write(map));
    } else {
      print(out, index, summary);
      if (embedding != null) {
        EmbedCommand.print(out, embedding);
      }
    }
    return summary.skipped().isEmpty() ? ExitCodes.OK : ExitCodes.SKIPPED;
  }

  private static void print(PrintWriter out, Path index, IndexSummary summary) {
    out.printf(
        Locale.ROOT,
        "Indexed into %s in %.2f s: %,d added, %,d updated, %,d deleted, %,d unchanged, %,d duplicates, %,d skipped%n",
        index,
        summary.tookNanos() / 1e9,
        summary.added(),
        summary.updated(),
        summary.deleted(),
        summary.unchanged(),
        summary.duplicates(),
        summary.skipped().size());
    if (summary.skippedAsBefore() > 0) {
      out.printf(Locale.ROOT, "%,d skipped as in earlier runs (files unchanged; `archive index --full` lists them "
          + "again)%n", summary.skippedAsBefore());
    }
    list(out, "Skipped", summary.skipped());
    list(out, "Duplicates (stored once)", summary.duplicateReports());
    list(out, "Warnings (articles kept)", summary.warnings());
  }

  private static void list(PrintWriter out, String heading, List<Skip> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println(heading + ":");
    items.stream().limit(LISTED).forEach(item -> out.println("  " + item));
    if (items.size() > LISTED) {
      out.printf("  ... and %,d more (--json lists all)%n", items.size() - LISTED);
    }
  }

  static Map<String, Object> toJson(Path index, IndexSummary summary) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("index", index.toString());
    json.put("added", summary.added());
    json.put("updated", summary.updated());
    json.put("deleted", summary.deleted());
    json.put("unchanged", summary.unchanged());
    json.put("duplicates", summary.duplicates());
    json.put("skipped", summary.skipped().stream().map(IndexCommand::skipJson).toList());
    json.put("skipped_as_before", summary.skippedAsBefore());
    json.put("duplicate_reports", summary.duplicateReports().stream().map(IndexCommand::skipJson).toList());
    json.put("warnings", summary.warnings().stream().map(IndexCommand::skipJson).toList());
    json.put("seconds", summary.tookNanos() / 1e9);
    return json;
  }

  private static Map<String, Object> skipJson(Skip skip) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", skip.file());
    json.put("line", skip.line() > 0 ? skip.line() : null);
    json.put("reason", skip.reason());
    return json;
  }

  /** Parses sizes such as {@code 10MB}, {@code 512KB}, {@code 1GB} or a plain number of bytes. */
  static long parseSize(String text) {
    String value = text.strip().toUpperCase(Locale.ROOT);
    long unit = 1;
    for (String[] suffix : new String[][] {{"GB", "1073741824"}, {"MB", "1048576"}, {"KB", "1024"}, {"B", "1"}}) {
      if (value.endsWith(suffix[0])) {
        unit = Long.parseLong(suffix[1]);
        value = value.substring(0, value.length() - suffix[0].length()).strip();
        break;
      }
    }
    try {
      long size = Math.multiplyExact(Long.parseLong(value), unit);
      if (size <= 0) {
        throw new NumberFormatException();
      }
      return size;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("--max-bytes: not a size: " + text + " (use e.g. 10MB, 512KB)");
    }
  }
}
