package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Provides one {@link BundledModel}. Constructing a provider loads no model class (a keyword search finds every
 * provider through {@link java.util.ServiceLoader}); {@link #open} loads the model.
 */
abstract class BundledModelProvider implements EmbedderProvider {
  /** The version read from {@code model.properties}, once; null until then. */
  private static volatile String buildVersion;

  private final BundledModel model;

  BundledModelProvider(BundledModel model) {
    this.model = model;
  }

  /** The model this provides. */
  BundledModel model() {
    return model;
  }

  @Override
  public String name() {
    return model.name();
  }

  /** Only the int8 bge-small is used when {@code ARCHIVE_MODEL} names none; every other model only by its name. */
  @Override
  public boolean isDefault() {
    return model.isDefault();
  }

  /** The model's id and the artifact that ships it, so the index tells two builds of one model apart. */
  @Override
  public String modelKey() {
    return model.modelId() + " @ " + versionedArtifact(model);
  }

  @Override
  public Embedder open(EmbedderSettings settings) throws IOException {
    return OnnxEmbedder.load(model, settings, versionedArtifact(model));
  }

  /** The artifact that ships {@code model} with this build's version of it: {@code group:artifact:version}. */
  static String versionedArtifact(BundledModel model) {
    return model.artifact() + ":" + version();
  }

  /** The version of the langchain4j model artifacts (one for all of them), as Maven filled it in at build time. */
  static String version() {
    String version = buildVersion;
    if (version == null) {
      version = readVersion();
      buildVersion = version;
    }
    return version;
  }

  private static String readVersion() {
    Properties properties = new Properties();
    try (InputStream in = BundledModelProvider.class.getResourceAsStream("model.properties")) {
      if (in == null) {
        throw new IllegalStateException("model.properties is missing from the semantic module's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("version");
  }
}
