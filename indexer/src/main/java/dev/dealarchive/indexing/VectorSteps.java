package dev.dealarchive.indexing;

import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.EmbedderSettings;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.embed.VectorSearch;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.IndexSearcher;

/**
 * The vector side of an {@link ArchiveIndexer}: decides whether a run embeds, opens the model only when some article
 * waits for vectors, runs the {@link EmbeddingPass} and commits it (once) after the keyword side's commit.
 *
 * <p>The keyword side commits first, so new articles are searchable by their words at once; the vectors follow in
 * the same run. A crash in between leaves those articles waiting (marked by the absence of {@link
 * ArchiveFields#EMBEDDED_WITH}), and the next run, or {@code archive embed}, embeds them, once.
 */
final class VectorSteps implements AutoCloseable {
  private final IndexWriter writer;
  private final boolean existedBefore;
  private Boolean wanted;
  private EmbedderProvider provider;
  private boolean providerChosen;
  private int threads = Runtime.getRuntime().availableProcessors();
  private volatile Embedder embedder;
  private EmbedSummary last;
  /** The index before a rebuild, whose vectors the rebuild may reuse; null otherwise. */
  private DirectoryReader previous;

  VectorSteps(IndexWriter writer, boolean existedBefore) {
    this.writer = writer;
    this.existedBefore = existedBefore;
  }

  void wanted(Boolean wanted) {
    this.wanted = wanted;
  }

  void provider(EmbedderProvider provider) {
    this.provider = provider;
    this.providerChosen = true;
  }

  void threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("embedding threads must be at least 1: " + threads);
    }
    this.threads = threads;
  }

  EmbedSummary last() {
    return last;
  }

  private EmbedderProvider provider() {
    if (!providerChosen) {
      provider = Embedders.provider().orElse(null);
      providerChosen = true;
    }
    return provider;
  }

  private VectorState state() {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    return VectorState.of(data);
  }

  /** Whether this indexer's syncs embed, for an index whose last commit says {@code state}. */
  private boolean enabled(VectorState state) {
    return wanted != null ? wanted : existedBefore ? state.enabled() : provider() != null;
  }

  /**
   * Records in the keyword side's commit whether this index wants vectors, before any vector exists: a crash between
   * that commit and the vectors' must not turn a new index keyword-only. Called for every commit of the indexer.
   */
  void annotate(Map<String, String> commitData) {
    if (Boolean.TRUE.equals(wanted) || (!existedBefore && !commitData.containsKey(ArchiveFields.VECTORS_KEY))) {
      commitData.put(ArchiveFields.VECTORS_KEY, enabled(VectorState.of(commitData)) ? "on" : "off");
    }
  }

  /** After a sync's commit: embeds what waits, when this index (or the caller) wants vectors. */
  void afterSync(IndexProgress progress) throws IOException {
    try {
      embedAfterSync(progress);
    } finally {
      releasePrevious();
    }
  }

  private void embedAfterSync(IndexProgress progress) throws IOException {
    long started = System.nanoTime();
    last = null;
    VectorState state = state();
    if (!enabled(state)) {
      if (state.enabled()) {
        last =
            summary(
                0, 0, waitingFor(state.modelKey()), "vectors skipped in this run (--no-vectors); `archive embed` adds them", started);
      }
      return;
    }
    EmbedderProvider model = provider();
    if (model == null) {
      last =
          summary(
              0,
              0,
              waitingFor(state.modelKey()),
              "no embedding model on the class path (the semantic module is missing); articles wait for vectors",
              started);
      return;
    }
    if (!state.sameModel(model.modelKey())) {
      last =
          summary(
              0,
              0,
              waitingFor(model.modelKey()),
              "the index's vectors come from "
                  + state.modelKey()
                  + " but this archive has "
                  + model.modelKey()
                  + "; run `archive embed` to embed every article again with it",
              started);
      return;
    }
    try {
      last = embedWaiting(model, state, progress, started);
    } catch (IOException e) {
      throw new IOException(
          "the articles are committed and searchable by their words, but embedding them failed (they wait for"
              + " vectors; the next sync or `archive embed` retries): "
              + e.getMessage(),
          e);
    }
  }

  /** {@code archive embed}: embeds every article that waits for the current model's vectors, after a model change all. */
  EmbedSummary embedAll(IndexProgress progress) throws IOException {
    long started = System.nanoTime();
    EmbedderProvider model = provider();
    if (model == null) {
      throw new IllegalStateException("no embedding model on the class path (the semantic module is missing)");
    }
    VectorState state = state();
    if (state.dimension() > 0 && !state.sameModel(model.modelKey()) && embedder(model).dimension() != state.dimension()) {
      throw new IOException(
          "the index's vectors ("
              + state.modelKey()
              + ") have "
              + state.dimension()
              + " dimensions and "
              + model.modelKey()
              + " makes "
              + embedder(model).dimension()
              + "; vectors of another length need a new index: delete the index folder and run `archive index` with"
              + " the same inputs");
    }
    last = embedWaiting(model, state, progress, started);
    return last;
  }

  private EmbedSummary embedWaiting(EmbedderProvider model, VectorState state, IndexProgress progress, long started)
      throws IOException {
    String key = model.modelKey();
    long waiting = waitingFor(key);
    if (waiting == 0 && state.enabled() && key.equals(state.modelKey())) {
      return summary(0, 0, 0, null, started);
    }
    EmbeddingPass.Result result = new EmbeddingPass.Result(0, 0, 0);
    int dimension = state.dimension();
    if (waiting > 0) {
      result = EmbeddingPass.run(writer, () -> checkedEmbedder(model), key, threads, progress, previous);
      if (embedder != null) {
        dimension = embedder.dimension();
      }
    }
    record(new VectorState(true, key, dimension));
    return new EmbedSummary(result.articles(), result.passages(), result.reused(), 0, null, System.nanoTime() - started);
  }

  private void record(VectorState state) throws IOException {
    Map<String, String> data = new HashMap<>();
    Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
    if (live != null) {
      live.forEach(e -> data.put(e.getKey(), e.getValue()));
    }
    writer.setLiveCommitData(state.writeTo(data).entrySet());
    ArchiveIndexer.commit(writer, unchanged -> {});
  }

  /** The model, opened once (from any embedding worker), checked to report its provider's key. */
  private synchronized Embedder checkedEmbedder(EmbedderProvider model) throws IOException {
    Embedder open = embedder(model);
    if (!model.modelKey().equals(open.modelKey())) {
      throw new IllegalStateException("the model reports key " + open.modelKey() + ", its provider " + model.modelKey());
    }
    return open;
  }

  private synchronized Embedder embedder(EmbedderProvider model) throws IOException {
    if (embedder == null) {
      embedder = model.open(new EmbedderSettings(Embedders.cacheDir(), 1));
    }
    return embedder;
  }

  /** Articles not embedded with {@code modelKey} (every article when it is null), in the writer's current view. */
  private long waitingFor(String modelKey) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setQueryCache(null);
      return modelKey == null ? ArticleBlocks.countArticles(searcher) : searcher.count(EmbeddingPass.waiting(modelKey));
    }
  }

  private static EmbedSummary summary(long articles, long passages, long waiting, String note, long started) {
    return new EmbedSummary(articles, passages, 0, waiting, note, System.nanoTime() - started);
  }

  /**
   * Before a rebuild empties the index: keeps a view of it, so the rebuild's embedding gives unchanged articles their
   * vectors back instead of embedding them again. Released after the next {@link #afterSync} or on close.
   */
  void keepForRebuild() throws IOException {
    releasePrevious();
    DirectoryReader current = DirectoryReader.open(writer);
    if (VectorSearch.hasVectors(current)) {
      previous = current;
    } else {
      current.close();
    }
  }

  private void releasePrevious() throws IOException {
    if (previous != null) {
      DirectoryReader closing = previous;
      previous = null;
      closing.close();
    }
  }

  @Override
  public void close() throws IOException {
    releasePrevious();
    if (embedder != null) {
      embedder.close();
      embedder = null;
    }
  }
}
