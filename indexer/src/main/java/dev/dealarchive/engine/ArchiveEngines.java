package dev.dealarchive.engine;

import java.io.IOException;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens the engine that the settings ask for: the first {@link EngineProvider} that claims them, else embedded. */
public final class ArchiveEngines {
  private ArchiveEngines() {}

  /** The configured engine; the embedded index in {@link EngineSettings#indexDir()} unless a provider claims them. */
  public static ArchiveEngine open(EngineSettings settings) throws IOException {
    for (EngineProvider provider : ServiceLoader.load(EngineProvider.class)) {
      Optional<ArchiveEngine> engine = provider.open(settings);
      if (engine.isPresent()) {
        return engine.get();
      }
    }
    return EmbeddedEngine.open(settings.indexDir(), settings.answers(), settings.hybrid(), settings.fetch());
  }
}
