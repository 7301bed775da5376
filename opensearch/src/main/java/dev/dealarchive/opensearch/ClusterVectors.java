package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.embed.Passage;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Passage vectors on a cluster with OpenSearch's k-NN plugin: the index setting and mapping that hold them, the model
 * they come from (in the mapping's {@code _meta}, so a writer with another model is refused, as the embedded index
 * refuses mixing), and an article's passages as its JSON carries them.
 *
 * <p>Each article holds its passages in the nested field {@value #PASSAGES}: where each starts and ends in the body,
 * its position, and its unit vector ({@code knn_vector}, HNSW of the plugin's Lucene engine, cosine). The text is not
 * stored again: it is the body between the offsets. An index is made with {@code "index.knn": true} when the cluster
 * has the plugin (a static setting: an index made without it stays keyword-only); the field is added to the mapping
 * by the first write that carries vectors, with the model's dimension.
 */
final class ClusterVectors {
  /** The nested field of an article's passages. */
  static final String PASSAGES = "passages";
  static final String START = "start";
  static final String END = "end";
  static final String ORDINAL = "ordinal";
  static final String VECTOR = "vector";
  /** The passages' vectors, as queries name them. */
  static final String VECTOR_PATH = PASSAGES + "." + VECTOR;
  /** Key of the model record in the mapping's {@code _meta}. */
  static final String META = "archive_vectors";

  private ClusterVectors() {}

  /** The model an index's vectors come from: its key ({@code Embedder.modelKey()}) and the vectors' length. */
  record Model(String key, int dimension) {}

  /** Whether the nodes list OpenSearch's k-NN plugin (by name, or by class on a node with class-path plugins). */
  static boolean clusterHasPlugin(ClusterClient client) throws IOException {
    List<String> plugins = client.plugins();
    return plugins.contains(ClusterAnswers.KNN_PLUGIN) || plugins.contains(ClusterAnswers.KNN_PLUGIN_CLASS);
  }

  /** Whether the archive's index was made able to hold vectors ({@code index.knn}). */
  static boolean indexCanHoldVectors(ClusterClient client) throws IOException {
    String index = client.config().index();
    JsonNode reply = client.call("GET", "/" + index + "/_settings",
        Map.of("filter_path", "*.settings.index.knn"), null);
    Iterator<JsonNode> indexes = reply.elements();
    return indexes.hasNext() && indexes.next().path("settings").path("index").path("knn").asText("").equals("true");
  }

  /** The model of the index's vectors, or {@code null} when it holds none yet. */
  static Model model(ClusterClient client) throws IOException {
    JsonNode model = meta(client).path(META);
    if (!model.hasNonNull("model")) {
      return null;
    }
    return new Model(model.path("model").asText(), model.path("dimension").asInt());
  }

  private static JsonNode meta(ClusterClient client) throws IOException {
    JsonNode mapping = client.call("GET", "/" + client.config().index() + "/_mapping", null);
    // Asked through an alias, the reply is keyed by the concrete index: there is one either way.
    Iterator<JsonNode> indexes = mapping.elements();
    return indexes.hasNext() ? indexes.next().path("mappings").path("_meta") : client.object();
  }

  /**
   * Makes the index ready for vectors of {@code model}: adds the passages field and records the model the first
   * time; refuses another model, before anything is written.
   */
  static void prepare(ClusterClient client, Model model) throws IOException {
    Model current = model(client);
    if (current == null) {
      ObjectNode body = client.object();
      ObjectNode meta = client.json().createObjectNode();
      meta.setAll((ObjectNode) meta(client).deepCopy());
      meta.putObject(META).put("model", model.key()).put("dimension", model.dimension());
      body.set("_meta", meta);
      body.putObject("properties").set(PASSAGES, mapping(client, model.dimension()));
      client.call("PUT", "/" + client.config().index() + "/_mapping", body);
      current = model(client);
    }
    if (!model.equals(current)) {
      throw new ClusterException("the OpenSearch index \"" + client.config().index() + "\" holds passage vectors of "
          + current.key() + " (" + current.dimension() + " dimensions) and this writer embeds with " + model.key()
          + " (" + model.dimension() + "); vectors of two models cannot be searched together, so nothing was"
          + " written. Write with the same model (ARCHIVE_MODEL), or into a new index (--opensearch-index NAME)", 409);
    }
  }

  /** The mapping of the passages field. */
  static ObjectNode mapping(ClusterClient client, int dimension) {
    ObjectNode passages = client.object();
    passages.put("type", "nested");
    ObjectNode properties = passages.putObject("properties");
    properties.putObject(START).put("type", "integer");
    properties.putObject(END).put("type", "integer");
    properties.putObject(ORDINAL).put("type", "integer");
    ObjectNode vector = properties.putObject(VECTOR).put("type", "knn_vector").put("dimension", dimension);
    // The plugin's Lucene engine needs no native library; cosine equals the embedded index's dot product of unit
    // vectors, and scores as it does: (1 + cosine) / 2.
    vector.putObject("method").put("name", "hnsw").put("engine", "lucene").put("space_type", "cosinesimil");
    return passages;
  }

  /** Adds {@code passages} to an article's JSON. */
  static void addTo(ObjectNode doc, ArticleBlocks.StoredPassages passages) {
    ArrayNode array = doc.putArray(PASSAGES);
    for (int i = 0; i < passages.passages().size(); i++) {
      Passage passage = passages.passages().get(i);
      ObjectNode item = array.addObject();
      item.put(START, passage.start()).put(END, passage.end()).put(ORDINAL, passage.ordinal());
      ArrayNode vector = item.putArray(VECTOR);
      for (float value : passages.vectors().get(i)) {
        vector.add(value);
      }
    }
  }
}
