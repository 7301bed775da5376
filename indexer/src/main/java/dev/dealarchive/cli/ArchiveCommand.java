package dev.dealarchive.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code archive} command: the archive's one entry point on the command line. */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    version = "archive 0.1.0",
    description = "A searchable archive of partnership news.",
    subcommands = {
      IndexCommand.class,
      SearchCommand.class,
      AskCommand.class,
      StatsCommand.class,
      EmbedCommand.class,
      EvalCommand.class,
      FeedbackCommand.class,
      WatchCommand.class,
      AddCommand.class,
      RemoveCommand.class,
      FeedsCommand.class
    })
public final class ArchiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** The command line with every subcommand, including those other modules provide. */
  public static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new ArchiveCommand());
    for (SubcommandProvider provider : ServiceLoader.load(SubcommandProvider.class)) {
      commandLine.addSubcommand(provider.command());
    }
    // Last, so the listing reads: the archive's own commands, those of other modules, then help.
    commandLine.addSubcommand(new CommandLine.HelpCommand());
    // Help uses the terminal's width, so sentences are not broken at a fixed 80 columns.
    commandLine.setUsageHelpAutoWidth(true);
    // A wrong command line (unknown option, a number too large for its option) is a usage error, whatever the phase.
    commandLine.setExitCodeExceptionMapper(
        e -> e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILED);
    commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    }
    // "-word" excludes a word in queries and questions; it is not an option.
    commandLine.getSubcommands().get("search").setUnmatchedOptionsArePositionalParams(true);
    commandLine.getSubcommands().get("ask").setUnmatchedOptionsArePositionalParams(true);
    return commandLine;
  }

  /** Runs {@code args} with the given output and error writers and returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println(prefix(cmd) + Messages.describe(e));
          cmd.getErr().flush();
          return e instanceof CommandLine.ParameterException ? ExitCodes.USAGE : ExitCodes.FAILED;
        });
    // Usage errors: one line with the same prefix as every other error, and where to read more; not the whole help.
    commandLine.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr().println(prefix(cmd) + e.getMessage());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
          cmd.getErr().flush();
          return ExitCodes.USAGE;
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** The one prefix of error messages: {@code archive search: }, or {@code archive: } for the top command. */
  static String prefix(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName() + ": ";
  }

  /** Held so the level set on it is not lost when the logger is collected. */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    // Lucene suggests the incubating vector module at start-up; the archive does not use vectors.
    LUCENE_LOG.setLevel(Level.SEVERE);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(out, err, args));
  }
}
