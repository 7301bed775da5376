package dev.dealarchive.opensearch;

import dev.dealarchive.cli.ClusterLocation;
import dev.dealarchive.cli.ExitCodes;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archive opensearch-bm25}: shows, or changes for the whole index, the BM25 parameters that answers on a
 * cluster score with ({@code ask --k1/--b} on one machine). A change closes the index for a moment, as OpenSearch
 * requires for a similarity: it is this command's whole purpose, never a side effect of a search.
 */
@Command(
    name = "opensearch-bm25",
    mixinStandardHelpOptions = true,
    description = {
      "Show or change the BM25 parameters answers score with on an OpenSearch index (ask --k1/--b on one machine).",
      "A change closes the index for a moment: searches and writes fail meanwhile.",
      "  archive opensearch-bm25 --opensearch https://search.example.com:9200",
      "  archive opensearch-bm25 --opensearch https://search.example.com:9200 --k1 1.2 --b 0.75",
      "User and password come from ARCHIVE_OPENSEARCH_USER and ARCHIVE_OPENSEARCH_PASSWORD."
    })
public final class Bm25Command implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** The same {@code --opensearch} and {@code --opensearch-index} as every command that reads the cluster. */
  @Mixin ClusterLocation cluster;

  @Option(names = "--k1", paramLabel = "K1", description = "New term-frequency saturation (with --b).")
  Float k1;

  @Option(names = "--b", paramLabel = "B", description = "New length normalisation, 0-1 (with --k1).")
  Float b;

  private Map<String, String> environment = System.getenv();

  /** For tests: the environment holding the cluster's address, user and password. */
  void environment(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((k1 == null) != (b == null)) {
      err.println("archive opensearch-bm25: give both --k1 and --b, or neither to see the values in force");
      return ExitCodes.USAGE;
    }
    ClusterConfig config;
    try {
      config = ClusterConfig.resolve(null, null, cluster.environmentWith(environment));
    } catch (IllegalArgumentException e) {
      err.println("archive opensearch-bm25: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    if (config == null) {
      err.println("archive opensearch-bm25: give the cluster with --opensearch URL or " + ClusterConfig.URL_VARIABLE);
      return ExitCodes.USAGE;
    }
    try (ClusterClient client = ClusterClient.connect(config)) {
      if (!IndexSchema.exists(client)) {
        err.printf("archive opensearch-bm25: no archive in the OpenSearch index \"%s\"%n", config.index());
        return ExitCodes.FAILED;
      }
      IndexSchema.require(client);
      Bm25 before = Bm25.inForce(client);
      if (k1 == null) {
        out.printf("Answers on \"%s\" score with BM25 %s.%n", config.index(), before);
        return ExitCodes.OK;
      }
      Bm25 wanted = new Bm25(k1, b);
      if (wanted.equals(before)) {
        out.printf("Answers on \"%s\" already score with BM25 %s; nothing changed.%n", config.index(), before);
        return ExitCodes.OK;
      }
      try {
        wanted.setOn(client);
      } catch (IllegalArgumentException e) {
        err.println("archive opensearch-bm25: " + e.getMessage());
        return ExitCodes.USAGE;
      }
      out.printf("Answers on \"%s\" now score with BM25 %s (were %s).%n", config.index(), Bm25.inForce(client), before);
      return ExitCodes.OK;
    }
  }
}
