package dev.dealarchive.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.cli.ArchiveCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The assembled class path offers every subcommand, built in or contributed by a module through ServiceLoader. */
class AssemblyTest {
  @Test
  void everyModulesSubcommandIsFoundOnTheAssembledClassPath() {
    Map<String, CommandLine> subcommands = ArchiveCommand.commandLine().getSubcommands();
    for (String name : List.of("index", "search", "ask", "stats", "eval", "watch", "add", "bot", "bench",
        "watch-bench", "serve", "web-bench")) {
      assertTrue(subcommands.containsKey(name), "archive " + name + " is missing; found " + subcommands.keySet());
    }
  }

  @Test
  void benchIsListedAndWatchBenchStaysHidden() {
    Map<String, CommandLine> subcommands = ArchiveCommand.commandLine().getSubcommands();
    assertEquals(false, subcommands.get("bench").getCommandSpec().usageMessage().hidden());
    assertEquals(true, subcommands.get("watch-bench").getCommandSpec().usageMessage().hidden());
  }
}
