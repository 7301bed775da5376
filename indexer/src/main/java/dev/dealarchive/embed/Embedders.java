package dev.dealarchive.embed;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds the embedding model on the class path and loads it when a command needs it.
 *
 * <p>Finding costs a {@link ServiceLoader} scan and no model class: {@code ./archive search} on keywords stays as fast
 * to start as without the model. Which model: the provider named by the system property {@code archive.model} or
 * the variable {@code ARCHIVE_MODEL}, else the first one found that may be used unnamed ({@link
 * EmbedderProvider#isDefault()}).
 */
public final class Embedders {
  /** System property naming the model provider to use. */
  public static final String MODEL_PROPERTY = "archive.model";
  /** System property naming the folder the model's runtime may write to (see {@link #cacheDir}). */
  public static final String CACHE_PROPERTY = "archive.cache";

  private Embedders() {}

  /** Every provider on the class path. */
  public static List<EmbedderProvider> providers() {
    List<EmbedderProvider> found = new ArrayList<>();
    ServiceLoader.load(EmbedderProvider.class, Embedders.class.getClassLoader()).forEach(found::add);
    return found;
  }

  /** The provider to use, or empty when no model is on the class path (a keyword-only build). */
  public static Optional<EmbedderProvider> provider() {
    List<EmbedderProvider> found = providers();
    String wanted = setting(MODEL_PROPERTY, "ARCHIVE_MODEL");
    if (wanted != null && !wanted.isBlank()) {
      for (EmbedderProvider provider : found) {
        if (provider.name().equalsIgnoreCase(wanted.strip())) {
          return Optional.of(provider);
        }
      }
      throw new IllegalStateException(
          "no embedding model named "
              + wanted
              + " (set by "
              + MODEL_PROPERTY
              + " or ARCHIVE_MODEL); available: "
              + String.join(", ", found.stream().map(EmbedderProvider::name).toList()));
    }
    return found.stream().filter(EmbedderProvider::isDefault).findFirst();
  }

  /**
   * Loads the chosen model with one ONNX thread per inference and the archive's cache folder.
   *
   * @throws IllegalStateException when no model is on the class path
   */
  public static Embedder open() throws IOException {
    EmbedderProvider provider =
        provider()
            .orElseThrow(
                () -> new IllegalStateException("no embedding model on the class path (the semantic module is missing)"));
    return provider.open(new EmbedderSettings(cacheDir(), 1));
  }

  /**
   * The folder the model's runtime may write to: {@code archive.cache} (property) or {@code ARCHIVE_CACHE}
   * (variable); else {@code cache/} in the archive's home (the launcher sets {@code archive.home}); else {@code
   * dealarchive-cache} in the temporary folder. Never the home directory.
   */
  public static Path cacheDir() {
    String configured = setting(CACHE_PROPERTY, "ARCHIVE_CACHE");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath();
    }
    String home = System.getProperty("archive.home");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "cache").toAbsolutePath();
    }
    String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    return Path.of(System.getProperty("java.io.tmpdir"), "dealarchive-cache-" + user).toAbsolutePath();
  }

  /** Scales {@code vector} to unit length in place (a zero vector stays zero) and returns it. */
  public static float[] normalize(float[] vector) {
    double sum = 0;
    for (float v : vector) {
      sum += (double) v * v;
    }
    if (sum > 0 && Math.abs(sum - 1.0) > 1e-6) {
      float scale = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < vector.length; i++) {
        vector[i] *= scale;
      }
    }
    return vector;
  }

  private static String setting(String property, String variable) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(variable);
  }
}
