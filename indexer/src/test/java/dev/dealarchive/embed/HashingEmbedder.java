package dev.dealarchive.embed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small, fast stand-in for the real model in tests: a text's vector is its words hashed into {@value #DIMENSION}
 * buckets, normalized. Texts that share words are near each other, so kNN results are predictable. Counts what it
 * embeds, so tests can check that only new and changed articles are embedded.
 */
public final class HashingEmbedder implements Embedder {
  public static final int DIMENSION = 32;
  /** Passages embedded by every instance in this JVM. */
  public static final AtomicLong PASSAGES = new AtomicLong();

  private final String version;

  public HashingEmbedder(String version) {
    this.version = version;
  }

  @Override
  public String modelId() {
    return "hashing test model";
  }

  @Override
  public String modelVersion() {
    return version;
  }

  @Override
  public int dimension() {
    return DIMENSION;
  }

  @Override
  public float[] embedQuery(String query) {
    return vector(query);
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) {
    List<float[]> vectors = new ArrayList<>(passages.size());
    for (String passage : passages) {
      vectors.add(vector(passage));
    }
    PASSAGES.addAndGet(passages.size());
    return vectors;
  }

  static float[] vector(String text) {
    float[] vector = new float[DIMENSION];
    for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        vector[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
      }
    }
    vector[0] += 0.01f; // never the zero vector
    return Embedders.normalize(vector);
  }

  @Override
  public void close() {}
}
