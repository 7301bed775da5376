package dev.dealarchive.embed;

import java.io.IOException;

/**
 * Makes an {@link Embedder}; found by {@link java.util.ServiceLoader} in {@code
 * META-INF/services/dev.dealarchive.embed.EmbedderProvider}, so the indexer module does not depend on the model's
 * runtime (the {@code semantic} module provides the bundled model).
 *
 * <p>Finding and constructing a provider must be cheap and load no model classes: commands that never embed (a
 * keyword search) still find it when they ask whether vectors are available. The model loads in {@link #open}.
 */
public interface EmbedderProvider {
  /** Short name of the model, used to choose among several providers ({@code ARCHIVE_MODEL}), e.g. {@code bge-small-en-v1.5-q}. */
  String name();

  /** The model key {@link Embedder#modelKey()} will report, known without loading the model. */
  String modelKey();

  /**
   * Whether this provider is used when none is named ({@code ARCHIVE_MODEL}); a test model returns {@code false}, so
   * it is used only where a test names it.
   */
  default boolean isDefault() {
    return true;
  }

  /** Loads the model. */
  Embedder open(EmbedderSettings settings) throws IOException;
}
