package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AnswerIndex;
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

  private final ClusterClient client;
  private static final AtomicBoolean NOTICE_GIVEN = new AtomicBoolean();
  private final ClusterSearch search;
  private final Answerer answerer;

  ClusterAnswers(ClusterClient client, ClusterSearch search, EngineSettings settings) {
    this.client = client;
    this.search = search;
    this.answerer = Answerer.withDefaults(settings.indexDir(), settings.answers());
  }

  AskResult ask(String question, int limit) throws IOException {
    noticeWordsAlone();
    return answerer.ask(new Reads(), question, limit);
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
      plugin = client.plugins().contains(KNN_PLUGIN) ? "has the k-NN plugin, which the archive does not use yet"
          : "has no k-NN plugin (knn_vector)";
    } catch (IOException | RuntimeException e) {
      plugin = "did not list its plugins";
    }
    LOG.warn("answers on OpenSearch are found by words alone (BM25F), without vector search: the cluster {}", plugin);
  }

  List<ScoredArticle> rank(String question, int depth) throws IOException {
    return answerer.rank(new Reads(), question, depth);
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
     * Scored on the answer sub-fields, whose BM25 has the answer engine's default parameters (the embedded engine's
     * answers with other {@code --k1}/{@code --b} settings are not reproduced: the cluster's are fixed in its mapping).
     */
    @Override
    public List<Ranked> top(Query query, int n, BM25Similarity similarity) throws IOException {
      List<Ranked> ranked = new ArrayList<>();
      for (ClusterSearch.Found found :
          search.page(query, 0, n, true, ClusterSearch.DISPLAY_FIELDS, IndexSchema::answerField).hits()) {
        ranked.add(new Ranked(found.article(), found.score()));
      }
      return ranked;
    }
  }
}
