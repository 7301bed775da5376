package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import java.io.IOException;

/**
 * bge-small-en-v1.5 (int8) and e5-small-v2 (int8) together, their cosines averaged ({@link AveragedEmbedder}): two
 * models trained differently disagree on different passages, and the mean ranks SciFact better than either alone.
 * Costs both models' CPU per passage and per question and vectors of 768 dimensions. Chosen only by name ({@code
 * ARCHIVE_MODEL=bge-e5-small-q}); docs/semantic.md ("Other bundled models") has what it is worth.
 */
public final class BgeE5Provider implements EmbedderProvider {
  private static final BundledModel FIRST = BundledModel.BGE_SMALL_INT8;
  private static final BundledModel SECOND = BundledModel.E5_SMALL_INT8;

  @Override
  public String name() {
    return "bge-e5-small-q";
  }

  @Override
  public String modelKey() {
    return modelId() + " @ " + version();
  }

  @Override
  public boolean isDefault() {
    return false;
  }

  @Override
  public Embedder open(EmbedderSettings settings) throws IOException {
    Embedder first = new BgeSmallProvider().open(settings);
    try {
      return new AveragedEmbedder(first, new E5SmallProvider().open(settings), modelId(), version());
    } catch (IOException | RuntimeException e) {
      first.close();
      throw e;
    }
  }

  private static String modelId() {
    return FIRST.modelId() + " + " + SECOND.modelId() + ", cosines averaged";
  }

  private static String version() {
    String version = BundledModelProvider.version();
    return FIRST.artifact() + ":" + version + " + " + SECOND.artifact() + ":" + version;
  }
}
