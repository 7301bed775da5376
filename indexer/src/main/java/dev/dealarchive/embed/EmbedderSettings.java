package dev.dealarchive.embed;

import java.nio.file.Path;

/**
 * How to load an embedding model.
 *
 * @param cacheDir folder the model's runtime may write to (the tokenizer's native library is unpacked there);
 *     never the home directory, so every file the archive writes is in a known place
 * @param onnxThreads threads one inference uses; the indexer runs several workers with one thread each, which was
 *     measured faster on this machine than one worker with several threads
 */
public record EmbedderSettings(Path cacheDir, int onnxThreads) {
  public EmbedderSettings {
    if (cacheDir == null) {
      throw new IllegalArgumentException("cacheDir is required");
    }
    if (onnxThreads < 1) {
      throw new IllegalArgumentException("onnxThreads must be at least 1: " + onnxThreads);
    }
  }
}
