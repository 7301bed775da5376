package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import java.io.IOException;

/**
 * Two bundled models together, their cosines averaged ({@link AveragedEmbedder}): models trained differently
 * disagree on different passages. Costs both models' CPU per passage and per question, and vectors of twice the
 * dimension. Chosen only by name; docs/semantic.md ("Other bundled models") has what each pair is worth.
 */
abstract class AveragedProvider implements EmbedderProvider {
  private final String name;
  private final BundledModelProvider first;
  private final BundledModelProvider second;

  AveragedProvider(String name, BundledModelProvider first, BundledModelProvider second) {
    this.name = name;
    this.first = first;
    this.second = second;
  }

  @Override
  public String name() {
    return name;
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
    Embedder one = first.open(settings);
    try {
      return new AveragedEmbedder(one, second.open(settings), modelId(), version());
    } catch (IOException | RuntimeException e) {
      one.close();
      throw e;
    }
  }

  private String modelId() {
    return first.model().modelId() + " + " + second.model().modelId() + ", cosines averaged";
  }

  private String version() {
    return BundledModelProvider.versionedArtifact(first.model()) + " + "
        + BundledModelProvider.versionedArtifact(second.model());
  }
}
