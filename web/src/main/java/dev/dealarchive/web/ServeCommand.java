package dev.dealarchive.web;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.cli.IndexLocation;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.generate.LlmConfigException;
import dev.dealarchive.generate.LlmSettings;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive serve}: the web page and JSON API, until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a read-only web page and JSON API over the archive (search, answers, articles, facets).",
      "Listens on 127.0.0.1 unless --bind says otherwise. With ARCHIVE_WEB_TOKEN set, every request needs",
      "Authorization: Bearer <token>, or a browser signs in once with the token."
    })
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String bind;

  private final Map<String, String> environment;

  /** @param environment where {@code ARCHIVE_WEB_TOKEN} is read, usually {@link System#getenv()} */
  public ServeCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (port < 0 || port > 65_535) {
      err.println("archive serve: --port must be between 0 and 65535, not " + port);
      return ExitCodes.USAGE;
    }
    boolean loopback;
    try {
      loopback = InetAddress.getByName(bind).isLoopbackAddress();
    } catch (UnknownHostException e) {
      err.println("archive serve: --bind " + bind + " is not an address of this machine");
      return ExitCodes.USAGE;
    }
    String token = environment.get(WebSettings.TOKEN_ENV);
    WebSettings settings;
    try {
      settings = WebSettings.of(bind, port, token).withLlm(LlmSettings.fromEnvironment(environment).orElse(null));
    } catch (LlmConfigException e) {
      err.println("archive serve: " + e.getMessage());
      return ExitCodes.FAILED;
    }
    if (!loopback && settings.token() == null) {
      err.println("archive serve: warning: listening on " + bind + " without ARCHIVE_WEB_TOKEN: anyone who can reach "
          + "this machine can read the archive");
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    try (ArchiveEngine archive = location.engine(err)) {
      WebServer server;
      try {
        server = WebServer.start(WebArchive.of(archive, location.path()), settings);
      } catch (BindException e) {
        err.println("archive serve: cannot listen on " + bind + ":" + port + " (" + e.getMessage()
            + "); choose another with --port or --bind");
        return ExitCodes.FAILED;
      }
      try (server) {
        Thread hook = new Thread(() -> {
          stop.countDown();
          try {
            closed.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Serving %,d articles from %s at %s%s (Ctrl-C stops)%n", archive.articleCount(),
            location.path(), server.uri(), settings.token() == null ? "" : " with a token");
        out.flush();
        stop.await();
      }
    } finally {
      closed.countDown();
    }
    return ExitCodes.OK;
  }
}
