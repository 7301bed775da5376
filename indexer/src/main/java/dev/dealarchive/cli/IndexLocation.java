package dev.dealarchive.cli;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveEngines;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The {@code --index DIR} option shared by every command, with its fallbacks: the {@code ARCHIVE_INDEX} environment
 * variable, then {@code ./index}.
 */
public final class IndexLocation {
  /** Environment variable naming the index folder. */
  public static final String ENV = "ARCHIVE_INDEX";
  /** System property naming the folder that holds the bundled {@code data/}; the launcher sets it. */
  public static final String HOME_PROPERTY = "archive.home";

  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "Index folder (default: $ARCHIVE_INDEX, else ./index); with --opensearch, the working copy in "
          + "which writes find their changes.")
  Path explicit;

  // Engine selection: a cluster instead of the index folder (the OpenSearch engine reads these through the
  // environment of the engine settings, so the variables and the options mean the same).
  @Mixin ClusterLocation cluster = new ClusterLocation();

  @Option(names = "--shards", paramLabel = "N", description = "Shards of a cluster index the command creates (default 1).")
  Integer shards;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Replicas of a cluster index the command creates (default 1).")
  Integer replicas;

  private Map<String, String> environment = System.getenv();

  /** For tests: the environment to read {@code ARCHIVE_INDEX} from. */
  void environment(Map<String, String> environment) {
    this.environment = environment;
  }

  /** The index folder in force. */
  public Path path() {
    if (explicit != null) {
      return explicit;
    }
    String fromEnv = environment.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of("index");
  }

  /** True when neither the option nor the environment chose the folder. */
  public boolean isDefault() {
    String fromEnv = environment.get(ENV);
    return explicit == null && (fromEnv == null || fromEnv.isBlank());
  }

  /**
   * Opens the archive for reading. On first use of the default location in the project folder, when no index exists
   * yet, builds it from the bundled sample articles and says so on {@code err}, so a newcomer's first search already
   * answers.
   */
  public Archive open(PrintWriter err) throws IOException {
    return open(err, AnswerSettings.defaults());
  }

  /** As {@link #open(PrintWriter)}, answering questions with the given ranking settings. */
  public Archive open(PrintWriter err, AnswerSettings settings) throws IOException {
    return open(err, settings, HybridSettings.defaults());
  }

  /** As {@link #open(PrintWriter)}, ranking with the given settings for words and for meaning. */
  public Archive open(PrintWriter err, AnswerSettings settings, HybridSettings hybrid) throws IOException {
    Path index = path();
    try (EmbeddedEngine seeding = EmbeddedEngine.open(index)) {
      seedOnFirstUse(err, seeding);
    }
    return IndexFolder.at(index).openReader(settings, hybrid);
  }

  /** The settings a command opens its engine with: this location, default answers, safe fetch rules. */
  public EngineSettings settings() {
    return new EngineSettings(path(), AnswerSettings.defaults(), FetchOptions.defaults(), engineEnvironment());
  }

  /**
   * Opens the configured engine (the embedded index at {@link #path()} unless an {@link
   * dev.dealarchive.engine.EngineProvider} claims the settings). On first use of the default location of the embedded
   * engine, when no index exists yet, builds it from the bundled sample articles and says so on {@code err}, so a
   * newcomer's first search already answers. Reading fails on the first read when there is no index.
   */
  public ArchiveEngine engine(PrintWriter err, EngineSettings settings) throws IOException {
    ArchiveEngine engine = ArchiveEngines.open(settings);
    try {
      seedOnFirstUse(err, engine);
    } catch (IOException | RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  /** As {@link #engine(PrintWriter, EngineSettings)} with {@link #settings()}. */
  public ArchiveEngine engine(PrintWriter err) throws IOException {
    return engine(err, settings());
  }

  private void seedOnFirstUse(PrintWriter err, ArchiveEngine engine) throws IOException {
    Path index = path();
    if (engine instanceof EmbeddedEngine && isDefault() && !Files.exists(index)
        && isProjectFolder(Path.of(""), System.getProperty(HOME_PROPERTY))) {
      Path data = bundledData();
      if (data != null) {
        IndexSummary summary = engine.index(List.of(data), IndexOptions.defaults(), IndexProgress.NONE);
        err.printf(
            "No index yet: indexed the %d bundled sample articles from %s into %s.%n", summary.added(), data, index);
        err.flush();
      }
    }
  }

  /**
   * Whether {@code workingDir} is the project folder, the only place where a missing default index is filled with the
   * samples: anywhere else a command would leave an {@code ./index} full of samples behind, unasked.
   *
   * @param home the project folder as the launcher reports it, or null (run without the launcher: the folder that
   *     holds the bundled samples counts)
   */
  static boolean isProjectFolder(Path workingDir, String home) {
    Path here = workingDir.toAbsolutePath().normalize();
    if (home != null) {
      try {
        return here.toRealPath().equals(Path.of(home).toRealPath());
      } catch (IOException e) {
        return false;
      }
    }
    return Files.isRegularFile(here.resolve("data").resolve("microsoft-openai-2026-04-28.md"));
  }

  /** The bundled {@code data/} folder, or null when it cannot be found. */
  static Path bundledData() {
    String home = System.getProperty(HOME_PROPERTY);
    Path data = home == null ? Path.of("data") : Path.of(home, "data");
    return Files.isDirectory(data) ? data : null;
  }

  /** The environment with the engine options given on the command line in the variables they stand for. */
  Map<String, String> engineEnvironment() {
    Map<String, String> merged = cluster.environmentWith(environment);
    ClusterLocation.putIfGiven(merged, "ARCHIVE_OPENSEARCH_SHARDS", shards == null ? null : shards.toString());
    ClusterLocation.putIfGiven(merged, "ARCHIVE_OPENSEARCH_REPLICAS", replicas == null ? null : replicas.toString());
    return merged;
  }
}
