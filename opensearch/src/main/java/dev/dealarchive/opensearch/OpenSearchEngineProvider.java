package dev.dealarchive.opensearch;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.EngineProvider;
import dev.dealarchive.engine.EngineSettings;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Claims the settings when they name a cluster ({@code --opensearch URL[,URL...]} or {@code ARCHIVE_OPENSEARCH_URL}),
 * so every command reaches the archive on OpenSearch; without them the embedded index stays in use. Found through
 * {@link java.util.ServiceLoader}.
 */
public final class OpenSearchEngineProvider implements EngineProvider {
  /** Shards and replicas of an index the archive creates (options {@code --shards} and {@code --replicas}). */
  public static final String SHARDS_VARIABLE = "ARCHIVE_OPENSEARCH_SHARDS";
  public static final String REPLICAS_VARIABLE = "ARCHIVE_OPENSEARCH_REPLICAS";
  static final int DEFAULT_SHARDS = 1;
  static final int DEFAULT_REPLICAS = 1;

  @Override
  public Optional<ArchiveEngine> open(EngineSettings settings) throws IOException {
    ClusterConfig config;
    try {
      config = ClusterConfig.resolve(null, null, settings.environment());
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (config == null) {
      return Optional.empty();
    }
    Map<String, String> environment = settings.environment();
    int shards = number(environment, SHARDS_VARIABLE, DEFAULT_SHARDS, 1);
    int replicas = number(environment, REPLICAS_VARIABLE, DEFAULT_REPLICAS, 0);
    return Optional.of(OpenSearchEngine.open(config, settings, shards, replicas));
  }

  static int number(Map<String, String> environment, String name, int fallback, int least) throws IOException {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int number = Integer.parseInt(value.strip());
      if (number < least) {
        throw new NumberFormatException();
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IOException(name + " must be a whole number of at least " + least + ", not \"" + value + "\"");
    }
  }
}
