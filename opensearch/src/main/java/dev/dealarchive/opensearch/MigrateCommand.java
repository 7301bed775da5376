package dev.dealarchive.opensearch;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archive migrate}: copies an archive between an index folder and an OpenSearch cluster (or between two
 * cluster indexes, to move to a new schema), then compares ids and counts.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy an archive between an index folder and an OpenSearch cluster; ids and counts are compared at the end.",
      "  archive migrate --from ./index --to https://search.example.com:9200",
      "  archive migrate --from https://search.example.com:9200 --to ./index-copy",
      "User and password come from ARCHIVE_OPENSEARCH_USER and ARCHIVE_OPENSEARCH_PASSWORD."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--from", required = true, paramLabel = "DIR|URL[,URL...]", description = "Index folder or cluster to copy.")
  String from;

  @Option(names = "--to", required = true, paramLabel = "DIR|URL[,URL...]", description = "Index folder or cluster to copy into.")
  String to;

  @Option(names = "--from-index", paramLabel = "NAME", description = "Index name on the source cluster (default: archive).")
  String fromIndex;

  @Option(names = "--to-index", paramLabel = "NAME", description = "Index name on the target cluster (default: archive).")
  String toIndex;

  @Option(names = "--shards", paramLabel = "N", defaultValue = "1", description = "Shards of a target index it creates (default: ${DEFAULT-VALUE}).")
  int shards;

  @Option(names = "--replicas", paramLabel = "N", defaultValue = "1", description = "Replicas of a target index it creates (default: ${DEFAULT-VALUE}).")
  int replicas;

  private Map<String, String> environment = System.getenv();

  /** For tests: the environment holding the cluster's user and password. */
  void environment(Map<String, String> environment) {
    this.environment = environment;
  }

  static boolean isUrl(String value) {
    return value.startsWith("http://") || value.startsWith("https://");
  }

  private ClusterConfig cluster(String urls, String index) {
    return new ClusterConfig(
        ClusterConfig.parseUrls(urls),
        index == null ? ClusterConfig.DEFAULT_INDEX : index,
        blankToNull(environment.get(ClusterConfig.USER_VARIABLE)),
        blankToNull(environment.get(ClusterConfig.PASSWORD_VARIABLE)));
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!isUrl(from) && !isUrl(to)) {
      err.println("archive migrate: one side must be an OpenSearch url (http:// or https://); to copy a folder, copy the folder");
      return ExitCodes.USAGE;
    }
    if (shards < 1 || replicas < 0) {
      err.println("archive migrate: --shards must be at least 1 and --replicas at least 0");
      return ExitCodes.USAGE;
    }
    Migration.Result result;
    String target;
    try {
      if (isUrl(to)) {
        ClusterConfig toConfig = cluster(to, toIndex);
        target = toConfig.toString();
        try (ClusterClient client = ClusterClient.connect(toConfig)) {
          if (isUrl(from)) {
            ClusterConfig fromConfig = cluster(from, fromIndex);
            if (fromConfig.index().equals(toConfig.index()) && fromConfig.urls().equals(toConfig.urls())) {
              err.println("archive migrate: source and target are the same index");
              return ExitCodes.USAGE;
            }
            try (ClusterClient source = ClusterClient.connect(fromConfig);
                OpenSearchEngine engine = new OpenSearchEngine(source, EngineSettings.of(Path.of(".")), 1, 0)) {
              result = Migration.toCluster(engine, null, client, shards, replicas);
            }
          } else {
            Path folder = Path.of(from);
            if (!WorkingCopy.hasIndex(folder)) {
              err.printf("archive migrate: no index in %s%n", folder);
              return ExitCodes.FAILED;
            }
            try (EmbeddedEngine engine = EmbeddedEngine.open(folder)) {
              result = Migration.toCluster(engine, folder, client, shards, replicas);
            }
          }
        }
      } else {
        Path folder = Path.of(to);
        target = folder.toString();
        try (ClusterClient client = ClusterClient.connect(cluster(from, fromIndex))) {
          result = Migration.toFolder(client, folder);
        }
      }
    } catch (IllegalArgumentException e) {
      err.println("archive migrate: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    out.printf(
        "Copied %,d articles into %s: %,d written, %,d deleted.%n",
        result.sourceArticles(), target, result.written(), result.deleted());
    if (result.complete()) {
      out.printf("Checked: both sides hold the same %,d ids.%n", result.sourceArticles());
      return ExitCodes.OK;
    }
    err.printf(
        "archive migrate: the copy differs: %,d ids missing (first: %s), %,d extra (first: %s); run it again%n",
        result.missing().size(), first(result.missing()), result.extra().size(), first(result.extra()));
    return ExitCodes.FAILED;
  }

  private static String first(List<String> ids) {
    return ids.isEmpty() ? "-" : ids.get(0);
  }
}
