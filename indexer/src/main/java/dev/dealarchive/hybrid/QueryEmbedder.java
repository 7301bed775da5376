package dev.dealarchive.hybrid;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedding model for questions, loaded on first use: a keyword search never pays for it, and a question pays
 * for it once per process (about 0.6 s). When no model is on the class path, or it fails to load, questions are
 * answered by words alone and the cause is logged once. Thread-safe; close it once.
 */
public final class QueryEmbedder implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(QueryEmbedder.class);

  private final Supplier<Optional<EmbedderProvider>> providers;
  private final Object lock = new Object();
  private volatile Embedder embedder;
  private volatile boolean unavailable;
  private volatile boolean closed;
  private boolean owned = true;

  private QueryEmbedder(Supplier<Optional<EmbedderProvider>> providers) {
    this.providers = providers;
  }

  /** The model chosen by {@link Embedders#provider()}. */
  public static QueryEmbedder fromClassPath() {
    return new QueryEmbedder(Embedders::provider);
  }

  /** A given model (tests), owned and closed by the caller. */
  public static QueryEmbedder of(Embedder model) {
    QueryEmbedder fixed = new QueryEmbedder(Optional::empty);
    fixed.embedder = model;
    fixed.owned = false;
    return fixed;
  }

  /** No model: words only. */
  public static QueryEmbedder none() {
    return new QueryEmbedder(Optional::empty);
  }

  /** Whether a model is on the class path (cheap: loads no model class). */
  public boolean isAvailable() {
    if (embedder != null) {
      return true;
    }
    if (unavailable) {
      return false;
    }
    try {
      return providers.get().isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The unit vector of {@code text} as a query, or empty when no model is available. */
  public Optional<float[]> embed(String text) throws IOException {
    Embedder model = model();
    return model == null ? Optional.empty() : Optional.of(model.embedQuery(text));
  }

  private Embedder model() {
    Embedder current = embedder;
    if (current != null || unavailable) {
      return current;
    }
    synchronized (lock) {
      if (embedder == null && !unavailable && !closed) {
        try {
          Optional<EmbedderProvider> provider = providers.get();
          if (provider.isEmpty()) {
            unavailable = true;
          } else {
            embedder = provider.get().open(new EmbedderSettings(Embedders.cacheDir(), 1));
          }
        } catch (IOException | RuntimeException | LinkageError e) {
          unavailable = true;
          LOG.warn("the embedding model could not be loaded; answering by words alone: {}", e.toString());
        }
      }
      return embedder;
    }
  }

  @Override
  public void close() throws IOException {
    synchronized (lock) {
      closed = true;
      Embedder current = embedder;
      embedder = null;
      if (current != null && owned) {
        current.close();
      }
    }
  }
}
