package dev.dealarchive.bot;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.cli.IndexLocation;
import dev.dealarchive.generate.WrittenAnswers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code archive bot}: runs the Slack bot with Socket Mode, over HTTP, or on the console. */
@Command(
    name = "bot",
    mixinStandardHelpOptions = true,
    description = {
        "Answers questions from the archive in Slack.",
        "Socket Mode by default (needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN); --http serves the Events API at "
            + "/slack/events (needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET); --console needs no Slack at all.",
        "Environment: SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL, ARCHIVE_INDEX, "
            + "ARCHIVE_ADMINS, ARCHIVE_ADD, ARCHIVE_TIMEZONE."
    })
public final class BotCommand implements Callable<Integer> {

  /** Opens the archive the bot answers from. */
  @FunctionalInterface
  public interface ArchiveOpener {
    /**
     * Opens the archive for reading (and reindexing).
     *
     * @param location the index folder chosen by option, environment or default
     * @param err where to tell the user about first-use indexing of the sample data
     */
    ArchiveGateway open(IndexLocation location, PrintWriter err) throws IOException;
  }

  @Spec private CommandSpec spec;

  @Mixin private IndexLocation location;

  @Option(names = "--http", description = "Serve the Events API over HTTP instead of using Socket Mode.")
  private boolean http;

  @Option(names = "--port", paramLabel = "N", defaultValue = "3000", description = "HTTP port (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
      description = "HTTP address to listen on (default: ${DEFAULT-VALUE}).")
  private String bind;

  @Option(names = "--console", description = "No Slack: answer questions read from standard input.")
  private boolean console;

  @Option(names = "--json", description = "With --console, print the Block Kit JSON instead of text.")
  private boolean json;

  private final ArchiveOpener opener;
  private final Map<String, String> environment;

  /** The command as the archive command line runs it, reading the local index and {@link System#getenv()}. */
  public BotCommand(Map<String, String> environment) {
    this((location, err) -> LocalArchive.over(location.engine(err)), environment);
  }

  /**
   * @param opener opens the archive
   * @param environment where configuration variables are read, usually {@link System#getenv()}
   */
  public BotCommand(ArchiveOpener opener, Map<String, String> environment) {
    this.opener = opener;
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec == null
        ? new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true)
        : spec.commandLine().getErr();
    if (http && console) {
      err.println("bot: choose one of --http and --console");
      return ExitCodes.USAGE;
    }
    if (json && !console) {
      err.println("bot: --json only works with --console");
      return ExitCodes.USAGE;
    }
    BotConfig.Mode mode = console ? BotConfig.Mode.CONSOLE : http ? BotConfig.Mode.HTTP : BotConfig.Mode.SOCKET;
    BotConfig config;
    try {
      config = BotConfig.fromEnvironment(environment, mode, location.path());
    } catch (ConfigException e) {
      err.println("bot: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    try (ArchiveGateway archive = opener.open(location, err)) {
      return switch (mode) {
        case CONSOLE -> runConsole(config, archive);
        case HTTP -> runHttp(config, archive);
        case SOCKET -> runSocketMode(config, archive);
      };
    }
  }

  private int runConsole(BotConfig config, ArchiveGateway archive) throws IOException {
    try (WrittenAnswers writer = config.llm() == null ? null : new WrittenAnswers(config.llm())) {
      return runConsole(new ConsoleBot(new ReplyService(archive, new ReplyRenderer(), writer), json));
    }
  }

  private int runConsole(ConsoleBot bot) throws IOException {
    PrintWriter out = spec == null
        ? new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true)
        : spec.commandLine().getOut();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    bot.run(in, out, System.console() != null && !json ? "question> " : "");
    return 0;
  }

  private int runHttp(BotConfig config, ArchiveGateway archive) throws Exception {
    try (ShutdownSignal shutdown = new ShutdownSignal();
        SlackBot bot = SlackBot.forHttp(config, archive);
        HttpBotServer server = HttpBotServer.start(bot, new InetSocketAddress(bind, port))) {
      shutdown.await();
      return 0;
    }
  }

  private int runSocketMode(BotConfig config, ArchiveGateway archive) throws Exception {
    try (ShutdownSignal shutdown = new ShutdownSignal();
        SlackBot bot = SlackBot.forSocketMode(config, archive);
        SocketModeBot connection = SocketModeBot.start(bot)) {
      shutdown.await();
      return 0;
    }
  }
}
