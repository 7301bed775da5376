package dev.dealarchive.engine;

import java.io.IOException;
import java.util.Optional;

/**
 * Offers an engine other than the embedded one (a cluster). Implementations are found with {@link
 * java.util.ServiceLoader} (list the class in {@code META-INF/services/dev.dealarchive.engine.EngineProvider} and make
 * the module a dependency of {@code app}); {@link ArchiveEngines#open} asks each in turn and falls back to the
 * embedded index when none claims the settings.
 */
public interface EngineProvider {
  /**
   * The engine these settings ask for, or empty when they do not configure this provider's engine (for example, no
   * cluster address in the environment).
   *
   * @throws IOException when the settings ask for this engine but it cannot be reached or is misconfigured
   */
  Optional<ArchiveEngine> open(EngineSettings settings) throws IOException;
}
