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
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BundledModel} (bge-small-en-v1.5 int8 by default) run by ONNX Runtime in this process.
 *
 * <p>The library's own model class runs ONNX with one thread per core and spreads a batch over its own thread pool;
 * here the session gets {@link EmbedderSettings#onnxThreads()} threads and a batch runs on the calling thread, so the
 * indexer's workers decide the parallelism (two workers with one ONNX thread each were measured faster on 2 cores
 * than one worker with two). Questions and passages get the model's own prefixes ({@link BundledModel#queryPrefix()},
 * {@link BundledModel#passagePrefix()}: bge's retrieval instruction, e5's "query: " and "passage: "); the library
 * adds none.
 */
final class OnnxEmbedder implements Embedder {
  private final BundledModel spec;
  private final OrtSession session;
  private final Model model;
  private final String version;

  private OnnxEmbedder(BundledModel spec, OrtSession session, Model model, String version) {
    this.spec = spec;
    this.session = session;
    this.model = model;
    this.version = version;
  }

  static OnnxEmbedder load(BundledModel spec, EmbedderSettings settings, String version) throws IOException {
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
    ByteBuffer onnx = readModel(anchor, spec);
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
    try (InputStream tokenizer = resource(anchor, spec.tokenizerResource(), spec)) {
      OnnxBertBiEncoder encoder = new OnnxBertBiEncoder(environment, session, tokenizer, spec.pooling());
      return new OnnxEmbedder(spec, session, new Model(encoder, spec.dimension()), version);
    } catch (IOException | RuntimeException e) {
      closeQuietly(session, e);
      throw e;
    }
  }

  private static InputStream resource(Class<?> anchor, String name, BundledModel spec) throws IOException {
    return url(anchor, name, spec).openStream();
  }

  private static URL url(Class<?> anchor, String name, BundledModel spec) throws IOException {
    URL url = anchor.getResource(name);
    if (url == null) {
      url = OnnxEmbedder.class.getResource(name);
    }
    if (url == null) {
      throw new IOException("the model file " + name + " is not on the class path (" + spec.artifact() + "): "
          + (spec.isDefault()
              ? "the build is incomplete"
              : "this build leaves it out; build with `mvn -B -q -DskipTests -Pall-models package` to include it"));
    }
    return url;
  }

  /**
   * The model file in a direct buffer, outside the heap, for ONNX Runtime to build its session from. Read into a byte
   * array (which grows by doubling while it reads), the float32 bge's 133 MB did not fit a serving process's 256 MB
   * heap; the buffer is freed with its last reference once the session is made.
   */
  private static ByteBuffer readModel(Class<?> anchor, BundledModel spec) throws IOException {
    URLConnection connection = url(anchor, spec.onnxResource(), spec).openConnection();
    long size = connection.getContentLengthLong();
    try (InputStream in = connection.getInputStream()) {
      if (size < 0 || size > Integer.MAX_VALUE) {
        byte[] bytes = in.readAllBytes();
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
      }
      ByteBuffer buffer = ByteBuffer.allocateDirect((int) size);
      ReadableByteChannel channel = Channels.newChannel(in);
      while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
        // reads until the buffer is full or the file ends
      }
      if (buffer.hasRemaining()) {
        throw new IOException(
            "the model file " + spec.onnxResource() + " ended after " + buffer.position() + " of " + size + " bytes");
      }
      return buffer.flip();
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null && System.getenv(property) == null) {
      System.setProperty(property, value);
    }
  }

  @Override
  public String modelId() {
    return spec.modelId();
  }

  @Override
  public String modelVersion() {
    return version;
  }

  @Override
  public int dimension() {
    return spec.dimension();
  }

  @Override
  public float[] embedQuery(String query) throws IOException {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty()) {
      throw new IllegalArgumentException("cannot embed an empty query");
    }
    return Embedders.normalize(model.embed(spec.queryPrefix() + text).content().vector());
  }

  @Override
  public List<float[]> embedPassages(List<String> passages) throws IOException {
    List<TextSegment> segments = new ArrayList<>(passages.size());
    for (String passage : passages) {
      // The library refuses blank text; a passage is never blank, but a blank one must not fail a whole run.
      segments.add(TextSegment.from(spec.passagePrefix() + (passage == null || passage.isBlank() ? "-" : passage)));
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
    private final int dimension;

    Model(OnnxBertBiEncoder encoder, int dimension) {
      super(Runnable::run);
      this.encoder = encoder;
      this.dimension = dimension;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return encoder;
    }

    @Override
    protected Integer knownDimension() {
      return dimension;
    }
  }
}
