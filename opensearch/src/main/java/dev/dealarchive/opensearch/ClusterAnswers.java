package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AnswerIndex;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Answerer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.embed.EmbedderProvider;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.hybrid.QueryEmbedder;
import dev.dealarchive.hybrid.SemanticSide.StoredPassage;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers questions with the archive's own answer engine ({@link Answerer}) over the cluster: the engine's queries run
 * on the cluster (translated by {@link DslQueries}), its term statistics and spelling suggestions come from the
 * cluster, and it reads its passages from the articles the cluster returns. Synonyms are the working copy's (the
 * shipped ones when it has none).
 *
 * <p>Where the index holds passage vectors of the model installed here ({@link ClusterVectors}), questions are
 * answered by words and meaning as on one machine: the question is embedded by the same {@link QueryEmbedder}, the
 * cluster finds the articles nearest in meaning (a nested {@code knn} query, filtered by the question's filters) and
 * the similarities of their passages (the plugin's {@code knn_score} script), and the answer engine fuses and picks as
 * it does on the embedded index, with the command's ranking settings ({@code ask --retrieval}, {@code --fusion} ...).
 * Elsewhere answers are found by words alone, and the first question says why.
 */
final class ClusterAnswers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterAnswers.class);
  /** Name of OpenSearch's k-NN plugin as the nodes list it. */
  static final String KNN_PLUGIN = "opensearch-knn";
  /** The same plugin as a node started with class-path plugins (a test node) lists it: by its class. */
  static final String KNN_PLUGIN_CLASS = "org.opensearch.knn.plugin.KNNPlugin";

  private final ClusterClient client;
  private static final AtomicBoolean NOTICE_GIVEN = new AtomicBoolean();
  /** How long the BM25 parameters read from the index are trusted before they are read again. */
  static final long BM25_RECHECK_NANOS = 60_000_000_000L;

  private final ClusterSearch search;
  private final EngineSettings settings;
  /** Most passages of one article whose similarity is read (OpenSearch's default inner-hits window). */
  static final int MAX_PASSAGES = 100;

  private final Object answererLock = new Object();
  private final QueryEmbedder embedder = QueryEmbedder.fromClassPath();
  private Answerer answerer;
  private Bm25 answererBm25;
  private Boolean answererByMeaning;
  /** Why answers are found by words alone, or null when they are found by meaning too. */
  private volatile String wordsAloneBecause;
  private long bm25ReadAt;

  ClusterAnswers(ClusterClient client, ClusterSearch search, EngineSettings settings) {
    this.client = client;
    this.search = search;
    this.settings = settings;
  }

  AskResult ask(String question, int limit) throws IOException {
    Answerer current = answerer();
    noticeWordsAlone();
    return current.ask(new Reads(wordsAloneBecause == null), question, limit);
  }

  /**
   * The answer engine, scoring passages with the BM25 parameters the cluster index scores articles with, so both
   * steps agree as on one machine. Parameters asked for other than the defaults and other than the index's fail with
   * the values in force and the command that changes them; the defaults mean "the index's".
   */
  private Answerer answerer() throws IOException {
    synchronized (answererLock) {
      long now = System.nanoTime();
      if (answerer != null && now - bm25ReadAt < BM25_RECHECK_NANOS) {
        return answerer;
      }
      Bm25 inForce = Bm25.inForce(client);
      Bm25 asked = Bm25.of(settings.answers());
      if (!inForce.equals(asked) && !asked.equals(Bm25.of(AnswerSettings.defaults()))) {
        throw Bm25.mismatch(client.config(), inForce, asked);
      }
      wordsAloneBecause = wordsAloneBecause();
      boolean byMeaning = wordsAloneBecause == null;
      if (answerer == null || !inForce.equals(answererBm25) || !Boolean.valueOf(byMeaning).equals(answererByMeaning)) {
        AnswerSettings answers = inForce.applyTo(settings.answers());
        answerer = byMeaning
            ? Answerer.withDefaults(settings.indexDir(), answers, settings.hybrid(), embedder)
            : Answerer.withDefaults(settings.indexDir(), answers);
        answererBm25 = inForce;
        answererByMeaning = byMeaning;
      }
      bm25ReadAt = now;
      return answerer;
    }
  }

  /**
   * Why questions cannot be answered by meaning on this index, or {@code null} when they can: the index holds
   * passage vectors of the model installed here.
   */
  private String wordsAloneBecause() throws IOException {
    ClusterVectors.Model model = ClusterVectors.model(client);
    Optional<EmbedderProvider> installed;
    try {
      installed = Embedders.provider();
    } catch (IllegalStateException e) {
      return e.getMessage(); // ARCHIVE_MODEL names a model that is not installed
    }
    if (model != null && installed.isPresent() && installed.get().modelKey().equals(model.key())) {
      return embedder.isAvailable() ? null : "the embedding model could not be loaded";
    }
    if (model != null) {
      return "the index's passage vectors come from " + model.key() + " and "
          + installed.map(provider -> "this process has " + provider.modelKey()).orElse("no model is installed here")
          + " (the semantic module)";
    }
    try {
      return ClusterVectors.clusterHasPlugin(client)
          ? "the index holds no passage vectors (written without a model, or made before the cluster had the k-NN"
              + " plugin)"
          : "the cluster has no k-NN plugin (knn_vector)";
    } catch (IOException | RuntimeException e) {
      return "the index holds no passage vectors and the cluster did not list its plugins";
    }
  }

  /** Says once per process when answers on the cluster are found by words alone though not asked so, and why. */
  private void noticeWordsAlone() {
    String because = wordsAloneBecause;
    if (because == null || settings.hybrid().mode() == RetrievalMode.KEYWORD || NOTICE_GIVEN.getAndSet(true)) {
      return;
    }
    LOG.warn("answers on OpenSearch are found by words alone (BM25F), without vector search: {}", because);
  }

  List<ScoredArticle> rank(String question, int depth) throws IOException {
    Answerer current = answerer();
    return current.rank(new Reads(wordsAloneBecause == null), question, depth);
  }

  @Override
  public void close() throws IOException {
    embedder.close();
  }

  /** The cluster as the answer engine reads it, for one question (statistics are remembered for that question). */
  private final class Reads implements AnswerIndex {
    private final Map<String, Long> docFreqs = new HashMap<>();
    private final boolean byMeaning;
    private Long articles;

    Reads(boolean byMeaning) {
      this.byMeaning = byMeaning;
    }

    @Override
    public boolean searchesByMeaning() {
      return byMeaning;
    }

    /**
     * A nested {@code knn} query over the passages: the k articles by their nearest passage (the plugin's Lucene
     * engine keeps one per article, as the embedded index's diversifying query does), the question's filters
     * restricting the search itself. Scores are (1 + cosine) / 2, as on the embedded index.
     */
    @Override
    public List<Scored> nearest(float[] question, Query restrictions, int k) throws IOException {
      ObjectNode body = client.object();
      body.put("size", k);
      body.put("_source", false);
      ObjectNode knn = body.putObject("query").putObject("nested").put("path", ClusterVectors.PASSAGES)
          .put("score_mode", "max").putObject("query").putObject("knn").putObject(ClusterVectors.VECTOR_PATH);
      vector(knn.putArray("vector"), question);
      knn.put("k", k);
      if (restrictions != null) {
        knn.set("filter", DslQueries.of(client.json(), restrictions));
      }
      List<Scored> near = new ArrayList<>();
      for (JsonNode hit : client.searchArticles(body).path("hits").path("hits")) {
        near.add(new Scored(hit.path("_id").asText(), 2 * hit.path("_score").asDouble() - 1));
      }
      return near;
    }

    /** The keyword side's ids and scores: the answer query of {@link #top}, without reading the articles. */
    @Override
    public List<Scored> ranking(Query query, int n, BM25Similarity similarity) throws IOException {
      List<Scored> ranked = new ArrayList<>();
      ClusterSearch.Page page;
      try {
        page = search.page(query, 0, n, true, List.of(ArchiveFields.ID), IndexSchema::answerField);
      } catch (ClusterException e) {
        throw withoutCombinedFields(e);
      }
      for (ClusterSearch.Found found : page.hits()) {
        ranked.add(new Scored(found.article().id(), found.score()));
      }
      return ranked;
    }

    /** One multi-get of the articles' display fields. */
    @Override
    public Map<String, Article> articles(Collection<String> ids) throws IOException {
      Map<String, Article> articles = new HashMap<>();
      if (ids.isEmpty()) {
        return articles;
      }
      ObjectNode body = client.object();
      ArrayNode values = body.putArray("ids");
      ids.forEach(values::add);
      JsonNode reply = client.call("POST", "/" + client.config().index() + "/_mget",
          Map.of("_source_includes", String.join(",", ClusterSearch.DISPLAY_FIELDS)), body);
      for (JsonNode doc : reply.path("docs")) {
        if (doc.path("found").asBoolean(false)) {
          Article article = IndexSchema.article(ClusterSearch.withDefaults(doc.path("_source")));
          articles.put(article.id(), article);
        }
      }
      return articles;
    }

    /** Every passage's similarity, exact, from the plugin's {@code knn_score} script, in one request. */
    @Override
    public Map<String, List<StoredPassage>> passages(Collection<String> ids, float[] question) throws IOException {
      Map<String, List<StoredPassage>> passages = new HashMap<>();
      if (ids.isEmpty()) {
        return passages;
      }
      ObjectNode body = client.object();
      body.put("size", ids.size());
      body.put("_source", false);
      ObjectNode bool = body.putObject("query").putObject("bool");
      ArrayNode values = bool.putArray("filter").addObject().putObject("ids").putArray("values");
      ids.forEach(values::add);
      ObjectNode nested = bool.putArray("must").addObject().putObject("nested");
      nested.put("path", ClusterVectors.PASSAGES).put("score_mode", "max");
      ObjectNode script = nested.putObject("query").putObject("script_score");
      script.putObject("query").putObject("match_all");
      ObjectNode params = script.putObject("script").put("lang", "knn").put("source", "knn_score")
          .putObject("params");
      params.put("field", ClusterVectors.VECTOR_PATH).put("space_type", "cosinesimil");
      vector(params.putArray("query_value"), question);
      ObjectNode inner = nested.putObject("inner_hits").put("size", MAX_PASSAGES).put("_source", false);
      inner.putArray("docvalue_fields").add(ClusterVectors.PASSAGES + "." + ClusterVectors.START)
          .add(ClusterVectors.PASSAGES + "." + ClusterVectors.END)
          .add(ClusterVectors.PASSAGES + "." + ClusterVectors.ORDINAL);
      for (JsonNode hit : client.searchArticles(body).path("hits").path("hits")) {
        List<Numbered> found = new ArrayList<>();
        for (JsonNode passage : hit.path("inner_hits").path(ClusterVectors.PASSAGES).path("hits").path("hits")) {
          JsonNode fields = passage.path("fields");
          int start = fields.path(ClusterVectors.PASSAGES + "." + ClusterVectors.START).path(0).asInt();
          int end = fields.path(ClusterVectors.PASSAGES + "." + ClusterVectors.END).path(0).asInt();
          int ordinal = fields.path(ClusterVectors.PASSAGES + "." + ClusterVectors.ORDINAL).path(0).asInt();
          found.add(new Numbered(ordinal, new StoredPassage(start, end, 2 * passage.path("_score").asDouble() - 1)));
        }
        // In body order, as the embedded index gives them.
        found.sort(Comparator.comparingInt(Numbered::ordinal));
        passages.put(hit.path("_id").asText(), found.stream().map(Numbered::passage).toList());
      }
      return passages;
    }

    /** A passage with its ordinal in the article's body. */
    private record Numbered(int ordinal, StoredPassage passage) {}

    private static void vector(ArrayNode array, float[] vector) {
      for (float value : vector) {
        array.add(value);
      }
    }

    @Override
    public long articleCount() throws IOException {
      if (articles == null) {
        articles = client.call("GET", "/" + client.config().index() + "/_count", null).path("count").asLong();
      }
      return articles;
    }

    @Override
    public long docFreq(String field, String term) throws IOException {
      String key = field + '\u0000' + term;
      Long known = docFreqs.get(key);
      if (known != null) {
        return known;
      }
      ObjectNode body = client.object();
      body.putObject("query").putObject("term").putObject(field).put("value", term);
      long count = client.call("POST", "/" + client.config().index() + "/_count", body).path("count").asLong();
      docFreqs.put(key, count);
      return count;
    }

    /** OpenSearch's term suggester is Lucene's DirectSpellChecker with the same defaults, run on every shard. */
    @Override
    public String closestWord(String field, String word, int maxEdits) throws IOException {
      ObjectNode body = client.object();
      body.put("size", 0);
      ObjectNode term = body.putObject("suggest").putObject("closest").put("text", word).putObject("term");
      term.put("field", field);
      term.put("suggest_mode", "missing");
      term.put("max_edits", maxEdits);
      term.put("min_word_length", 4);
      term.put("prefix_length", 1);
      term.put("size", 1);
      term.put("sort", "score");
      term.put("string_distance", "internal");
      JsonNode options = client.searchArticles(body)
          .path("suggest").path("closest").path(0).path("options");
      return options.isEmpty() ? null : options.path(0).path("text").asText(null);
    }

    /**
     * Scored on the answer sub-fields, whose BM25 parameters are the index's (see {@link Bm25}); the answer engine
     * was made with the same ones.
     */
    @Override
    public List<Ranked> top(Query query, int n, BM25Similarity similarity) throws IOException {
      List<Ranked> ranked = new ArrayList<>();
      ClusterSearch.Page page;
      try {
        page = search.page(query, 0, n, true, ClusterSearch.DISPLAY_FIELDS, IndexSchema::answerField);
      } catch (ClusterException e) {
        throw withoutCombinedFields(e);
      }
      for (ClusterSearch.Found found : page.hits()) {
        ranked.add(new Ranked(found.article(), found.score()));
      }
      return ranked;
    }
  }

  /**
   * The refusal of a cluster that lacks {@code combined_fields} (BM25F over title and body, the answer engine's
   * ranking), as one clear message: OpenSearch 2.19 has no such query (the k-NN test node's), OpenSearch 3.8 has.
   * Other refusals are returned as they are.
   */
  ClusterException withoutCombinedFields(ClusterException refusal) {
    if (refusal.status() != 400 || !refusal.getMessage().contains("unknown query [combined_fields]")) {
      return refusal;
    }
    return new ClusterException("the OpenSearch index \"" + client.config().index() + "\" cannot answer questions: the"
        + " answer engine ranks articles with the combined_fields query (BM25F over title and body, as on one"
        + " machine), which this cluster's OpenSearch version does not have (2.x; the archive is tested with 3.8)."
        + " archive search, stats and writes work on it; upgrade the cluster to OpenSearch 3 for ask and the bot's"
        + " answers", refusal.status(), refusal);
  }
}
