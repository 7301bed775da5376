package dev.dealarchive.cli;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code archive remove PATH...}: forgets inputs and removes their articles. */
@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    description = {
      "Forget files, folders or feed urls given to the index before, and remove their articles.",
      "The files themselves are not touched; a later `archive index` without PATH no longer reads them.",
      "",
      "Example:",
      "  archive remove data/old-exports/",
      "",
      "Exit status: 0 removed, 2 some PATH was not an input of this index, 1 failed (index unchanged)."
    })
public final class RemoveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "A file or folder once indexed, or a feed url.")
  List<String> inputs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean unknown = false;
    try (ArchiveEngine archive = ArchiveEngines.open(location.settings());
        ArchiveWriter writer = archive.openWriter()) {
      for (String input : inputs) {
        IndexSummary summary = writer.remove(input);
        if (summary.skipped().isEmpty() || summary.deleted() > 0) {
          out.printf(Locale.ROOT, "Removed %s: %,d %s%n", input, summary.deleted(),
              summary.deleted() == 1 ? "article" : "articles");
        } else {
          unknown = true;
          err.println("archive remove: " + input + " " + summary.skipped().get(0).reason());
        }
      }
    } catch (IndexBusyException e) {
      err.println("archive remove: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    return unknown ? ExitCodes.SKIPPED : ExitCodes.OK;
  }
}
