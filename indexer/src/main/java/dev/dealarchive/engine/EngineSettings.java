package dev.dealarchive.engine;

import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.fetch.FetchOptions;
import dev.dealarchive.hybrid.HybridSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command knows when it opens the archive: the index folder in force, the answer ranking settings, the URL
 * guard's rules for {@code add}, and the environment (where an engine finds its own configuration, such as a
 * cluster's address).
 *
 * @param indexDir the index folder ({@code --index}, {@code ARCHIVE_INDEX}, else {@code ./index})
 * @param answers ranking settings for {@code ask} and {@code eval}
 * @param hybrid how questions are ranked by words and meaning ({@code ask --retrieval}, {@code --fusion} ...); an
 *     engine without vectors ranks by words whatever it says
 * @param fetch the URL guard's rules for {@link ArchiveEngine#add}
 * @param environment environment variables, usually {@link System#getenv()}
 */
public record EngineSettings(
    Path indexDir, AnswerSettings answers, HybridSettings hybrid, FetchOptions fetch, Map<String, String> environment) {
  public EngineSettings {
    environment = Map.copyOf(environment);
  }

  /** Settings with the default ranking by words and meaning. */
  public EngineSettings(Path indexDir, AnswerSettings answers, FetchOptions fetch, Map<String, String> environment) {
    this(indexDir, answers, HybridSettings.defaults(), fetch, environment);
  }

  /** Defaults for {@code indexDir}: default answer settings, safe fetch rules, this process's environment. */
  public static EngineSettings of(Path indexDir) {
    return new EngineSettings(indexDir, AnswerSettings.defaults(), FetchOptions.defaults(), System.getenv());
  }

  /** These settings answering with {@code answers}. */
  public EngineSettings withAnswers(AnswerSettings answers) {
    return new EngineSettings(indexDir, answers, hybrid, fetch, environment);
  }

  /** These settings ranking questions by words and meaning as {@code hybrid} says. */
  public EngineSettings withHybrid(HybridSettings hybrid) {
    return new EngineSettings(indexDir, answers, hybrid, fetch, environment);
  }

  /** These settings fetching with {@code fetch}. */
  public EngineSettings withFetch(FetchOptions fetch) {
    return new EngineSettings(indexDir, answers, hybrid, fetch, environment);
  }

  /** These settings reading configuration from {@code environment}. */
  public EngineSettings withEnvironment(Map<String, String> environment) {
    return new EngineSettings(indexDir, answers, hybrid, fetch, environment);
  }
}
