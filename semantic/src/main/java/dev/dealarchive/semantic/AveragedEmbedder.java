package dev.dealarchive.semantic;

import dev.dealarchive.embed.Embedder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Two models as one: each text's two unit vectors side by side, each scaled by 1/sqrt(2), so the dot product of two
 * such vectors is the mean of the two models' cosines and the vector is still unit length. The index, kNN and the
 * answer engine need no change for it: they see one model of twice the dimension.
 */
final class AveragedEmbedder implements Embedder {
  private static final float HALF = (float) (1.0 / Math.sqrt(2.0));

  private final Embedder first;
  private final Embedder second;
  private final String modelId;
  private final String version;

  AveragedEmbedder(Embedder first, Embedder second, String modelId, String version) {
    this.first = first;
    this.second = second;
    this.modelId = modelId;
    this.version = version;
  }

  @Override
  public String modelId() {
    return modelId;
  }

  @Override
  public String modelVersion() {
    return version;
  }

  @Override
  public int dimension() {
    return first.dimension() + second.dimension();
  }

  @Override
  public float[] embedQuery(String query) throws IOException {
    return join(first.embedQuery(query), second.embedQuery(query));
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) throws IOException {
    List<float[]> a = first.embedPassages(passages);
    List<float[]> b = second.embedPassages(passages);
    List<float[]> joined = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      joined.add(join(a.get(i), b.get(i)));
    }
    return joined;
  }

  private static float[] join(float[] a, float[] b) {
    float[] joined = new float[a.length + b.length];
    for (int i = 0; i < a.length; i++) {
      joined[i] = a[i] * HALF;
    }
    for (int i = 0; i < b.length; i++) {
      joined[a.length + i] = b[i] * HALF;
    }
    return joined;
  }

  @Override
  public void close() throws IOException {
    try {
      first.close();
    } finally {
      second.close();
    }
  }
}
