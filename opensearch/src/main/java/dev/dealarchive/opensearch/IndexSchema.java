package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.article.Article;
import dev.dealarchive.article.ContentHash;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleDocuments;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The archive's index on a cluster: settings and mapping equivalent to the embedded schema ({@code ArchiveFields},
 * {@code ArchiveAnalyzers}), the JSON of an article, and the schema version check made on every start.
 *
 * <p>The analyzers are OpenSearch's built-in pieces of the same Lucene chain: {@code archive_stemmed} is standard
 * tokens, possessive dropped, lower case, accents folded, English stop words, Porter stems; {@code archive_exact}
 * is standard tokens, lower case, accents folded. Queries do not rely on them: the archive analyses query text
 * itself, with the embedded analyzers, and sends the resulting terms ({@code archive_terms} only splits them at
 * spaces), so both engines look up the very same terms.
 */
public final class IndexSchema {
  private static final Logger LOG = LoggerFactory.getLogger(IndexSchema.class);
  /** Version of this mapping; bumped when the cluster layout changes even if the embedded schema does not. */
  public static final String CLUSTER_LAYOUT = "2";
  /**
   * When the cluster stored an article, from the clock of the node that took the write (set by the ingest pipeline
   * {@value #STAMP_PIPELINE}, whichever writer sent it): lets readers and working copies ask what changed since.
   */
  public static final String INDEXED_AT = "indexed_at";
  /** The ingest pipeline that sets {@value #INDEXED_AT}; the index runs it as its final pipeline. */
  public static final String STAMP_PIPELINE = "archive-indexed-at";
  /** Sub-field of title and body scored for answers, stemmed. */
  public static final String ANSWER_STEMMED = "answer";
  /** Sub-field of title and body scored for answers, exact. */
  public static final String ANSWER_EXACT = "answer_exact";

  /** Analyzer that keeps already-analyzed terms as they are, for phrase queries of given terms. */
  public static final String TERMS_ANALYZER = "archive_terms";

  private IndexSchema() {}

  /** The schema version written into the index's {@code _meta}: embedded schema and cluster layout. */
  public static String version() {
    return ArchiveFields.SCHEMA_VERSION + "." + CLUSTER_LAYOUT;
  }

  /** The body of the create-index request, answers scored with the default BM25 parameters. */
  public static ObjectNode createBody(ObjectMapper json, int shards, int replicas) {
    return createBody(json, shards, replicas, AnswerSettings.defaults());
  }

  /** The body of the create-index request, answers scored with BM25 of {@code answers}' k1 and b. */
  public static ObjectNode createBody(ObjectMapper json, int shards, int replicas, AnswerSettings answers) {
    ObjectNode body = json.createObjectNode();
    ObjectNode index = body.putObject("settings").putObject("index");
    index.put("number_of_shards", shards);
    index.put("number_of_replicas", replicas);
    index.put("final_pipeline", STAMP_PIPELINE);
    // The answer engine scores with BM25 of its own parameters (AnswerSettings), searches with Lucene's defaults;
    // a field has one similarity in OpenSearch, so title and body are also indexed in sub-fields scored for answers.
    // Those take the index's default similarity, which is also the one combined_fields (BM25F over a pseudo-field)
    // scores with; the search fields name Lucene's BM25 explicitly.
    index.putObject("similarity").putObject("default")
        .put("type", "BM25").put("k1", answers.k1()).put("b", answers.b());
    ObjectNode analysis = index.putObject("analysis");
    ObjectNode filters = analysis.putObject("filter");
    filters.putObject("archive_possessive").put("type", "stemmer").put("language", "possessive_english");
    filters.putObject("archive_stop").put("type", "stop").put("stopwords", "_english_");
    ObjectNode analyzers = analysis.putObject("analyzer");
    analyzer(analyzers, "archive_stemmed", "standard",
        "archive_possessive", "lowercase", "asciifolding", "archive_stop", "porter_stem");
    analyzer(analyzers, "archive_exact", "standard", "lowercase", "asciifolding");
    analyzer(analyzers, TERMS_ANALYZER, "whitespace");
    body.set("mappings", mappings(json, Bm25.of(answers)));
    return body;
  }

  private static void analyzer(ObjectNode analyzers, String name, String tokenizer, String... filters) {
    ObjectNode analyzer = analyzers.putObject(name).put("type", "custom").put("tokenizer", tokenizer);
    ArrayNode chain = analyzer.putArray("filter");
    for (String filter : filters) {
      chain.add(filter);
    }
  }

  private static ObjectNode mappings(ObjectMapper json, Bm25 answerBm25) {
    ObjectNode mappings = json.createObjectNode();
    mappings.put("dynamic", "strict");
    meta(mappings.putObject("_meta"), answerBm25);
    ObjectNode p = mappings.putObject("properties");
    p.putObject(ArchiveFields.ID).put("type", "keyword");
    ObjectNode title = text(p, ArchiveFields.TITLE, "archive_stemmed");
    title.putArray("copy_to").add(ArchiveFields.TITLE_EXACT);
    answerFields(title);
    text(p, ArchiveFields.TITLE_EXACT, "archive_exact");
    ObjectNode body = text(p, ArchiveFields.BODY, "archive_stemmed");
    body.putArray("copy_to").add(ArchiveFields.BODY_EXACT);
    answerFields(body);
    text(p, ArchiveFields.BODY_EXACT, "archive_exact");
    p.putObject(ArchiveFields.PUBLISHED).put("type", "date").put("format", "epoch_millis");
    p.putObject(ArchiveFields.SOURCE).put("type", "keyword").putArray("copy_to").add(ArchiveFields.SOURCE_KEY);
    text(p, ArchiveFields.SOURCE_KEY, "archive_exact");
    p.putObject(ArchiveFields.TAG).put("type", "keyword").put("index", false).put("doc_values", false);
    p.putObject(ArchiveFields.TAG_KEY).put("type", "keyword");
    p.putObject(ArchiveFields.URL).put("type", "keyword");
    p.putObject(ArchiveFields.AUTHOR).put("type", "keyword").put("index", false).put("doc_values", false);
    p.putObject(ArchiveFields.ORIGIN).put("type", "keyword");
    p.putObject(ArchiveFields.HASH).put("type", "keyword");
    p.putObject(ArchiveFields.STORY).put("type", "keyword");
    p.putObject(INDEXED_AT).put("type", "date").put("format", "strict_date_optional_time||epoch_millis");
    return mappings;
  }

  /** The index's {@code _meta}: schema version and the BM25 parameters its answer fields score with. */
  static ObjectNode meta(ObjectNode meta, Bm25 answerBm25) {
    meta.put("archive_schema", version());
    meta.putObject("answer_bm25").put("k1", answerBm25.k1()).put("b", answerBm25.b());
    return meta;
  }

  /** The body of the ingest pipeline that stamps every stored article with the time the cluster took it. */
  static ObjectNode stampPipeline(ObjectMapper json) {
    ObjectNode pipeline = json.createObjectNode();
    pipeline.put("description", "archive: when the cluster stored each article (read by followers and writers)");
    pipeline.putArray("processors").addObject().putObject("set")
        .put("field", INDEXED_AT).put("value", "{{_ingest.timestamp}}").put("override", true);
    return pipeline;
  }

  /** Creates the stamping pipeline when it is missing (deleted by hand: every write would fail without it). */
  static void requirePipeline(ClusterClient client) throws IOException {
    ClusterClient.Reply reply = client.send("GET", "/_ingest/pipeline/" + STAMP_PIPELINE, Map.of(), null);
    if (reply.status() == 404) {
      ensurePipeline(client);
    } else if (!reply.ok()) {
      throw client.failure("GET", "/_ingest/pipeline/" + STAMP_PIPELINE, reply);
    }
  }

  /** Creates or replaces the stamping pipeline (the same body every time, so writers racing on it agree). */
  static void ensurePipeline(ClusterClient client) throws IOException {
    client.call("PUT", "/_ingest/pipeline/" + STAMP_PIPELINE, stampPipeline(client.json()));
  }

  private static void answerFields(ObjectNode field) {
    ObjectNode fields = field.putObject("fields");
    fields.putObject(ANSWER_STEMMED).put("type", "text").put("analyzer", "archive_stemmed")
        .put("search_analyzer", TERMS_ANALYZER);
    fields.putObject(ANSWER_EXACT).put("type", "text").put("analyzer", "archive_exact")
        .put("search_analyzer", TERMS_ANALYZER);
  }

  /** The field an answer query scores instead of {@code field}: the answer sub-fields for title and body. */
  public static String answerField(String field) {
    return switch (field) {
      case ArchiveFields.TITLE -> ArchiveFields.TITLE + "." + ANSWER_STEMMED;
      case ArchiveFields.BODY -> ArchiveFields.BODY + "." + ANSWER_STEMMED;
      case ArchiveFields.TITLE_EXACT -> ArchiveFields.TITLE + "." + ANSWER_EXACT;
      case ArchiveFields.BODY_EXACT -> ArchiveFields.BODY + "." + ANSWER_EXACT;
      default -> field;
    };
  }

  private static ObjectNode text(ObjectNode properties, String field, String analyzer) {
    // Positions are kept (phrases); BM25 with Lucene's defaults, as the embedded index.
    // Queries arrive as terms the archive analysed itself: searching only splits them at spaces.
    return properties.putObject(field).put("type", "text").put("analyzer", analyzer)
        .put("search_analyzer", TERMS_ANALYZER).put("similarity", "BM25");
  }

  /** The indexed JSON of an article ({@code _id} is the article id). */
  public static ObjectNode document(ObjectMapper json, Article article) {
    ObjectNode doc = json.createObjectNode();
    doc.put(ArchiveFields.ID, article.id());
    doc.put(ArchiveFields.TITLE, article.title());
    doc.put(ArchiveFields.BODY, article.body());
    if (article.published() != null) {
      doc.put(ArchiveFields.PUBLISHED, article.published().toEpochMilli());
    }
    doc.put(ArchiveFields.SOURCE, article.source());
    ArrayNode tags = doc.putArray(ArchiveFields.TAG);
    ArrayNode keys = doc.putArray(ArchiveFields.TAG_KEY);
    for (String tag : article.tags()) {
      tags.add(tag);
      keys.add(ArticleDocuments.key(tag));
    }
    if (article.url() != null) {
      doc.put(ArchiveFields.URL, article.url());
    }
    ArrayNode authors = doc.putArray(ArchiveFields.AUTHOR);
    article.authors().forEach(authors::add);
    doc.put(ArchiveFields.ORIGIN, article.origin());
    doc.put(ArchiveFields.HASH, article.contentHash());
    doc.put(ArchiveFields.STORY, ContentHash.sameStoryKey(article.title(), article.body()));
    return doc;
  }

  /** The article stored in a hit's {@code _source}. */
  public static Article article(JsonNode source) {
    JsonNode published = source.get(ArchiveFields.PUBLISHED);
    return new Article(
        source.path(ArchiveFields.ID).asText(),
        source.path(ArchiveFields.TITLE).asText(""),
        source.path(ArchiveFields.BODY).asText(""),
        published == null || published.isNull() ? null : Instant.ofEpochMilli(published.asLong()),
        source.path(ArchiveFields.SOURCE).asText(""),
        source.hasNonNull(ArchiveFields.URL) ? source.get(ArchiveFields.URL).asText() : null,
        strings(source.path(ArchiveFields.AUTHOR)),
        strings(source.path(ArchiveFields.TAG)),
        source.path(ArchiveFields.ORIGIN).asText(""),
        source.path(ArchiveFields.HASH).asText(""));
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  /** Whether the archive's index exists. */
  public static boolean exists(ClusterClient client) throws IOException {
    ClusterClient.Reply reply = client.send("HEAD", "/" + client.config().index(), Map.of(), null);
    if (reply.status() == 404) {
      return false;
    }
    if (!reply.ok()) {
      throw client.failure("HEAD", "/" + client.config().index(), reply);
    }
    return true;
  }

  /** Creates the index with this schema; says so clearly when it exists already. */
  public static void create(ClusterClient client, int shards, int replicas) throws IOException {
    create(client, shards, replicas, AnswerSettings.defaults());
  }

  /**
   * Creates the index with this schema, answers scored with BM25 of {@code answers}' k1 and b; able to hold passage
   * vectors when the cluster has the k-NN plugin.
   */
  public static void create(ClusterClient client, int shards, int replicas, AnswerSettings answers)
      throws IOException {
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException("--shards must be at least 1 and --replicas at least 0");
    }
    String index = client.config().index();
    ensurePipeline(client);
    ObjectNode body = createBody(client.json(), shards, replicas, answers);
    if (canHoldVectors(client)) {
      // Static: only an index made with it can hold passage vectors later (ClusterVectors).
      ((ObjectNode) body.path("settings").path("index")).put("knn", true);
    }
    ClusterClient.Reply reply = client.send("PUT", "/" + index, Map.of(), body);
    if (!reply.ok()) {
      if (reply.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
        // Another writer created it a moment ago: use theirs, if it is of this schema.
        require(client);
        return;
      }
      throw client.failure("PUT", "/" + index, reply);
    }
    client.call("GET", "/_cluster/health/" + index,
        Map.of("wait_for_status", "yellow", "timeout", "60s"), null);
  }

  /**
   * Whether a new index is made able to hold passage vectors: the nodes list the k-NN plugin. A user who may not list
   * them ({@code cluster:monitor/nodes/info}) gets a keyword-only index and a warning saying so.
   */
  private static boolean canHoldVectors(ClusterClient client) throws IOException {
    try {
      return ClusterVectors.clusterHasPlugin(client);
    } catch (ClusterException e) {
      if (e.status() != 401 && e.status() != 403) {
        throw e;
      }
      LOG.warn("could not list the nodes' plugins (HTTP {}; needs cluster:monitor/nodes/info): the OpenSearch index"
          + " \"{}\" is made without vector search (index.knn); answers on it are found by words alone",
          e.status(), client.config().index());
      return false;
    }
  }

  /**
   * Checks the index's schema version. Returns normally for a current index; throws with the command that moves
   * an index of another version (export from it, import into a new index) otherwise.
   */
  public static void require(ClusterClient client) throws IOException {
    String index = client.config().index();
    JsonNode mapping = client.call("GET", "/" + index + "/_mapping", null);
    JsonNode meta = mapping.path(index).path("mappings").path("_meta");
    if (meta.isMissingNode()) {
      // Asked through an alias: the reply is keyed by the concrete index.
      meta = mapping.elements().hasNext() ? mapping.elements().next().path("mappings").path("_meta") : meta;
    }
    String found = meta.path("archive_schema").asText(null);
    if (!version().equals(found)) {
      throw new SchemaMismatchException(
          "the OpenSearch index \"" + index + "\" "
              + (found == null ? "was not made by the archive" : "has archive schema " + found)
              + " and this version reads schema " + version() + ".\n"
              + "Copy it into a new index with: archive migrate --from " + client.config().urls().get(0)
              + " --from-index " + index + " --to " + client.config().urls().get(0) + " --to-index " + index + "-"
              + version().replace('.', '-') + "\n(then use --opensearch-index " + index + "-"
              + version().replace('.', '-') + "), or rebuild it from the inputs with archive index --full.");
    }
  }

  /** An index written with another schema version. */
  public static final class SchemaMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    public SchemaMismatchException(String message) {
      super(message);
    }
  }
}
