package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AnswerIndex;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.Answerer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.engine.EngineSettings;
import dev.dealarchive.search.ScoredArticle;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 */
final class ClusterAnswers {
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
  private final Object answererLock = new Object();
  private Answerer answerer;
  private Bm25 answererBm25;
  private long bm25ReadAt;

  ClusterAnswers(ClusterClient client, ClusterSearch search, EngineSettings settings) {
    this.client = client;
    this.search = search;
    this.settings = settings;
  }

  AskResult ask(String question, int limit) throws IOException {
    noticeWordsAlone();
    return answerer().ask(new Reads(), question, limit);
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
      if (answerer == null || !inForce.equals(answererBm25)) {
        answerer = Answerer.withDefaults(settings.indexDir(), inForce.applyTo(settings.answers()));
        answererBm25 = inForce;
      }
      bm25ReadAt = now;
      return answerer;
    }
  }

  /**
   * Says once per process that answers on a cluster are found by words alone: vector search (OpenSearch's k-NN
   * plugin) is not used, and most clusters, the tests' among them, do not have the plugin.
   */
  private void noticeWordsAlone() {
    if (NOTICE_GIVEN.getAndSet(true)) {
      return;
    }
    String plugin;
    try {
      List<String> plugins = client.plugins();
      plugin = plugins.contains(KNN_PLUGIN) || plugins.contains(KNN_PLUGIN_CLASS)
          ? "has the k-NN plugin, which the archive does not use yet (see docs/opensearch.md, Vector search)"
          : "has no k-NN plugin (knn_vector)";
    } catch (IOException | RuntimeException e) {
      plugin = "did not list its plugins";
    }
    LOG.warn("answers on OpenSearch are found by words alone (BM25F), without vector search: the cluster {}", plugin);
  }

  List<ScoredArticle> rank(String question, int depth) throws IOException {
    return answerer().rank(new Reads(), question, depth);
  }

  /** The cluster as the answer engine reads it, for one question (statistics are remembered for that question). */
  private final class Reads implements AnswerIndex {
    private final Map<String, Long> docFreqs = new HashMap<>();
    private Long articles;

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
      JsonNode options = client.call("POST", "/" + client.config().index() + "/_search", body)
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
