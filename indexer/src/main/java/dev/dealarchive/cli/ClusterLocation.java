package dev.dealarchive.cli;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --opensearch URL[,URL...]} and {@code --opensearch-index NAME} options, declared once for every command
 * that reaches the archive on a cluster ({@link IndexLocation} mixes them in, as does {@code archive opensearch-bm25}).
 * Each stands for an environment variable, its fallback: {@link #environmentWith} puts what the command line gave in
 * place of the variable, so the cluster engine reads one set of names however they were given.
 */
public final class ClusterLocation {
  /** Environment variable naming the cluster's nodes, the fallback of {@code --opensearch}. */
  public static final String URL_VARIABLE = "ARCHIVE_OPENSEARCH_URL";
  /** Environment variable naming the archive's index on the cluster, the fallback of {@code --opensearch-index}. */
  public static final String INDEX_VARIABLE = "ARCHIVE_OPENSEARCH_INDEX";

  @Option(
      names = "--opensearch",
      paramLabel = "URL[,URL...]",
      description = "Use the archive on this OpenSearch cluster (default: $" + URL_VARIABLE + ").")
  String urls;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      description = "The archive's index on the cluster (default: $" + INDEX_VARIABLE + ", else archive).")
  String index;

  /**
   * A new, modifiable copy of {@code environment} with the options given on the command line in the variables they
   * stand for; a variable whose option was not given (or given blank) keeps its value.
   */
  public Map<String, String> environmentWith(Map<String, String> environment) {
    Map<String, String> merged = new HashMap<>(environment);
    putIfGiven(merged, URL_VARIABLE, urls);
    putIfGiven(merged, INDEX_VARIABLE, index);
    return merged;
  }

  static void putIfGiven(Map<String, String> environment, String name, String value) {
    if (value != null && !value.isBlank()) {
      environment.put(name, value);
    }
  }
}
