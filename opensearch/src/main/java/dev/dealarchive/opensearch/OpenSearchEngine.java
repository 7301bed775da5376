package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.fetch.ArticleAdder;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.FileManifest;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;

/**
 * The archive on an OpenSearch cluster. Reads go to the cluster (searches translated from the embedded queries,
 * statistics from aggregations); writes are found in a {@link WorkingCopy} by the archive's own indexer and written
 * to the cluster by id, so both engines detect changes, report duplicates and summarise a run alike. Several
 * processes may write at once: each article is stored under its id, the last write of an id wins, and no article is
 * ever stored twice. Thread-safe; close it once.
 */
public final class OpenSearchEngine implements ArchiveEngine {
  private final ClusterClient client;
  private final EngineSettings settings;
  private final int shards;
  private final int replicas;
  private final ClusterSearch search;
  private final ClusterArticles articles;
  private final ClusterState state;
  private final EmbeddedEngine local;
  private final Semaphore writes = new Semaphore(1);
  private final ClusterAnswers answers;
  private final Object followLock = new Object();
  /** Articles stamped before this were all known at the last {@link #articleIdsExcept}; null: read every id. */
  private Long followFrom;
  private long followIdsRead;
  /** How far {@link #articleIdsExcept} looks back for writes still on their way to searches (tests shorten it). */
  volatile long followSettleMillis = WorkingCopy.SETTLE_MILLIS;

  OpenSearchEngine(ClusterClient client, EngineSettings settings, int shards, int replicas) {
    this.client = client;
    this.settings = settings;
    this.shards = shards;
    this.replicas = replicas;
    this.search = new ClusterSearch(client);
    this.articles = new ClusterArticles(client);
    this.state = new ClusterState(client);
    this.local = EmbeddedEngine.open(settings.indexDir(), settings.answers(), settings.fetch());
    this.answers = new ClusterAnswers(client, search, settings);
  }

  /** Connects to the cluster in {@code config}; checks the schema version of an existing index. */
  public static OpenSearchEngine open(ClusterConfig config, EngineSettings settings, int shards, int replicas)
      throws IOException {
    ClusterClient client = ClusterClient.connect(config);
    try {
      if (IndexSchema.exists(client)) {
        IndexSchema.require(client);
      }
      return new OpenSearchEngine(client, settings, shards, replicas);
    } catch (IOException | RuntimeException e) {
      client.close();
      throw e;
    }
  }

  public ClusterClient client() {
    return client;
  }

  /** Fails clearly when there is no archive on the cluster yet. */
  private void requireIndex() throws IOException {
    if (!IndexSchema.exists(client)) {
      throw new NoSuchFileException(
          "no archive in the OpenSearch index \"" + client.config().index() + "\" yet; build it with: archive index "
              + "--opensearch " + client.config().urls().get(0) + " <files or folders>");
    }
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    requireIndex();
    return search.search(request);
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    requireIndex();
    return answers.ask(question, limit);
  }

  @Override
  public List<SearchHit> latest(int n) throws IOException {
    requireIndex();
    return search.latest(n);
  }

  /**
   * The ids of stored articles {@code known} does not know. The first call reads every id; later ones read only
   * the ids the cluster stored since the previous call (by {@link IndexSchema#INDEXED_AT}, looking back {@link
   * #followSettleMillis} for writes still on their way to searches) and since the oldest id left unknown, so a
   * follower that polls every few seconds pays for what changed, not for the archive's size. As the interface says,
   * {@code known} must only grow between calls.
   */
  @Override
  public List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    requireIndex();
    synchronized (followLock) {
      long startedAt = articles.clusterMillis();
      List<String> unknown = new ArrayList<>();
      long[] oldestUnknown = {Long.MAX_VALUE};
      long[] read = {0};
      articles.idsSince(followFrom, stamped -> {
        read[0]++;
        if (!known.test(stamped.id())) {
          unknown.add(stamped.id());
          oldestUnknown[0] = Math.min(oldestUnknown[0], stamped.indexedAt());
        }
      });
      // An unknown article without a stamp is only found by reading everything again.
      followFrom = oldestUnknown[0] <= 0 ? null : Math.min(startedAt - followSettleMillis, oldestUnknown[0]);
      followIdsRead = read[0];
      return unknown;
    }
  }

  /** For tests: how many ids the last {@link #articleIdsExcept} read from the cluster. */
  long followIdsRead() {
    synchronized (followLock) {
      return followIdsRead;
    }
  }

  @Override
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    requireIndex();
    return search.searchAmong(query, ids, limit);
  }

  @Override
  public ArchiveStats stats() throws IOException {
    requireIndex();
    ObjectNode body = client.object();
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("sources").putObject("terms").put("field", ArchiveFields.SOURCE).put("size", 10_000)
        .put("min_doc_count", 1);
    aggs.putObject("oldest").putObject("min").put("field", ArchiveFields.PUBLISHED);
    aggs.putObject("newest").putObject("max").put("field", ArchiveFields.PUBLISHED);
    JsonNode reply = client.searchArticles(body);
    // Named and ordered as the embedded statistics: largest first, then by name; an empty source as "(no source)".
    Map<String, Long> counts = new LinkedHashMap<>();
    for (JsonNode bucket : reply.path("aggregations").path("sources").path("buckets")) {
      String name = bucket.path("key").asText();
      counts.merge(name.isEmpty() ? "(no source)" : name, bucket.path("doc_count").asLong(), Long::sum);
    }
    Map<String, Long> sources = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEachOrdered(e -> sources.put(e.getKey(), e.getValue()));
    JsonNode size = client.call("GET", "/" + client.config().index() + "/_stats/store", null)
        .path("_all").path("primaries").path("store").path("size_in_bytes");
    return new ArchiveStats(
        reply.path("hits").path("total").path("value").asLong(),
        sources,
        instant(reply.path("aggregations").path("oldest").path("value")),
        instant(reply.path("aggregations").path("newest").path("value")),
        size.asLong(0),
        state.lastUpdate());
  }

  private static Instant instant(JsonNode value) {
    return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : null;
  }

  @Override
  public long articleCount() throws IOException {
    requireIndex();
    return client.call("GET", "/" + client.config().index() + "/_count", null).path("count").asLong();
  }

  @Override
  public List<ScoredArticle> rank(String question, int depth) throws IOException {
    requireIndex();
    return answers.rank(question, depth);
  }

  @Override
  public List<ScoredArticle> rankSearch(String query, int depth) throws IOException {
    requireIndex();
    return search.rank(query, depth);
  }

  @Override
  public Facets facets(String query, int maxValues) throws IOException {
    requireIndex();
    return search.facets(query, maxValues);
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    requireIndex();
    return articles.byId(id);
  }

  @Override
  public void forEachArticle(ArticleVisitor visitor) throws IOException {
    requireIndex();
    articles.forEach(visitor);
  }

  @Override
  public void refresh() throws IOException {
    if (IndexSchema.exists(client)) {
      client.call("POST", "/" + client.config().index() + "/_refresh", null);
    }
  }

  /** Creates the index (with the configured shards and replicas) when missing; checks its schema and stamping pipeline otherwise. */
  void ensureIndex() throws IOException {
    if (IndexSchema.exists(client)) {
      IndexSchema.require(client);
      IndexSchema.requirePipeline(client);
    } else {
      IndexSchema.create(client, shards, replicas, settings.answers());
    }
    state.ensure();
  }

  @Override
  public ArchiveWriter openWriter() throws IOException {
    try {
      writes.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for another write to finish");
    }
    try {
      ensureIndex();
      WorkingCopy copy = new WorkingCopy(settings.indexDir(), client);
      copy.prepare(articles, state);
      return new Writer(copy, local.openWriter());
    } catch (IOException | RuntimeException | Error e) {
      writes.release();
      throw e;
    }
  }

  @Override
  public AddResult add(String url) {
    ArticleAdder.Store store =
        (origin, drafts) -> {
          try (ArchiveWriter writer = openWriter()) {
            writer.storeQueuedAdds();
            return writer.indexDrafts(origin, drafts);
          }
        };
    try (ArticleAdder adder = ArticleAdder.queueingWhenBusy(settings.fetch(), store, settings.indexDir())) {
      return adder.add(url);
    }
  }

  @Override
  public List<Path> recordedInputs() {
    return FileManifest.load(settings.indexDir()).inputs().stream().map(Path::of).toList();
  }

  @Override
  public void close() throws IOException {
    try (ClusterClient closing = client; ClusterAnswers closingAnswers = answers) {
      local.close();
    }
  }

  /** A write session: the working copy's own session, each call followed by writing its changes to the cluster. */
  private final class Writer implements ArchiveWriter {
    private final WorkingCopy copy;
    private final ArchiveWriter delegate;
    private boolean closed;

    Writer(WorkingCopy copy, ArchiveWriter delegate) {
      this.copy = copy;
      this.delegate = delegate;
    }

    private interface Write<T> {
      T run() throws IOException;
    }

    private <T> T pushed(Write<T> write) throws IOException {
      Map<String, String> before = copy.versions();
      T result = write.run();
      copy.push(WorkingCopy.Changes.between(before, copy.versions()));
      state.upload(copy.folder());
      return result;
    }

    @Override
    public IndexSummary index(List<Path> inputs, IndexOptions options, IndexProgress progress) throws IOException {
      return pushed(() -> delegate.index(inputs, options, progress));
    }

    @Override
    public IndexSummary indexChanges(Collection<Path> paths, IndexOptions options, IndexProgress progress)
        throws IOException {
      return pushed(() -> delegate.indexChanges(paths, options, progress));
    }

    @Override
    public IndexSummary indexDrafts(String origin, List<ArticleDraft> drafts) throws IOException {
      return pushed(() -> delegate.indexDrafts(origin, drafts));
    }

    @Override
    public IndexSummary reindex(IndexOptions options, IndexProgress progress) throws IOException {
      return pushed(() -> delegate.reindex(options, progress));
    }

    @Override
    public IndexSummary remove(String input) throws IOException {
      return pushed(() -> delegate.remove(input));
    }

    @Override
    public List<Path> recordedInputs() {
      return delegate.recordedInputs();
    }

    @Override
    public List<IndexSummary> storeQueuedAdds() throws IOException {
      return pushed(delegate::storeQueuedAdds);
    }

    /**
     * {@code archive embed}: the working copy embeds every article that waits for vectors, and those articles go to
     * the cluster again, with them (refused, before anything is written, when the cluster index has another model's).
     */
    @Override
    public EmbedSummary embed(IndexProgress progress) throws IOException {
      return pushed(() -> delegate.embed(progress));
    }

    /** The working copy's embedding step: the passages and vectors that went to the cluster with the articles. */
    @Override
    public EmbedSummary lastEmbedding() {
      return delegate.lastEmbedding();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        delegate.close();
      } finally {
        writes.release();
      }
    }
  }
}
