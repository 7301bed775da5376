package dev.dealarchive.embed;

import java.io.IOException;
import java.util.List;

/**
 * A text embedding model: turns a question or a passage into a vector whose dot product with another says how close
 * they are in meaning.
 *
 * <p>Vectors are unit length (implementations normalize; {@link Embedders#normalize} does it in place), so the index
 * compares them by dot product. A query and a passage may
 * be embedded differently (bge models prefix queries with an instruction): always embed questions with {@link
 * #embedQuery} and stored text with {@link #embedPassages}.
 *
 * <p>Implementations are thread-safe: the indexer calls {@link #embedPassages} from several worker threads at once.
 * Close once; the model's native memory is freed then.
 */
public interface Embedder extends AutoCloseable {
  /** The model's name, as recorded in the index, e.g. {@code BAAI/bge-small-en-v1.5 (int8 ONNX)}. */
  String modelId();

  /** The version of the packaged model (the artifact that ships it), as recorded in the index. */
  String modelVersion();

  /**
   * Id and version in one string: the index records it in its commit data and on every embedded article, so a
   * model change is detected and the articles embedded with another model are embedded again.
   */
  default String modelKey() {
    return modelId() + " @ " + modelVersion();
  }

  /** Length of every vector this model returns. */
  int dimension();

  /** Most word pieces a text may have before the model cuts or splits it; passages are kept well under it. */
  default int maxTokens() {
    return 512;
  }

  /** The unit vector of a question or search query. */
  float[] embedQuery(String query) throws IOException;

  /** The unit vectors of passages, in the same order. Calls from several threads run in parallel. */
  List<float[]> embedPassages(List<String> passages) throws IOException;

  @Override
  void close() throws IOException;
}
