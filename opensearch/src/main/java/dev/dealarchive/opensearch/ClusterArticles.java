package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.article.Article;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Reads stored articles back from the cluster: one by id, every one in id order, every id with its hash, or those
 * the cluster stored since a time ({@link IndexSchema#INDEXED_AT}).
 */
final class ClusterArticles {
  static final int PAGE = 500;

  private final ClusterClient client;

  ClusterArticles(ClusterClient client) {
    this.client = client;
  }

  Optional<Article> byId(String id) throws IOException {
    String path = "/" + client.config().index() + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    ClusterClient.Reply reply = client.send("GET", path, Map.of("_source_excludes", ClusterVectors.PASSAGES), null);
    if (reply.status() == 404) {
      return Optional.empty();
    }
    if (!reply.ok()) {
      throw client.failure("GET", path, reply);
    }
    return Optional.of(IndexSchema.article(reply.body().path("_source")));
  }

  /** Every article, in id order, a page at a time (sorted on the id, so no scroll context is held). */
  void forEach(ArchiveEngine.ArticleVisitor visitor) throws IOException {
    pages(null, null, hit -> visitor.visit(IndexSchema.article(hit.path("_source"))));
  }

  /**
   * An article as the cluster stored it, with when it did ({@code 0} for an article stored before the stamp) and
   * whether it was stored with passage vectors.
   */
  record Stamped(Article article, long indexedAt, boolean hasPassages) {}

  /** An article id with when the cluster stored it. */
  record StampedId(String id, long indexedAt) {}

  /** Receives articles or ids one at a time. */
  interface Visitor<T> {
    void visit(T value) throws IOException;
  }

  /** Every article the cluster stored at or after {@code sinceMillis}, in id order. */
  void forEachSince(long sinceMillis, Visitor<Stamped> visitor) throws IOException {
    pages(since(sinceMillis), null, hit -> visitor.visit(stamped(hit)));
  }

  /** Every article, in id order, with when the cluster stored it and whether it has passage vectors. */
  void forEachStamped(Visitor<Stamped> visitor) throws IOException {
    pages(null, null, hit -> visitor.visit(stamped(hit)));
  }

  private static Stamped stamped(JsonNode hit) {
    JsonNode source = hit.path("_source");
    return new Stamped(IndexSchema.article(source), indexedAt(hit), !source.path(ClusterVectors.PASSAGES).isEmpty());
  }

  /** The id of every article the cluster stored at or after {@code sinceMillis} (every article when null). */
  void idsSince(Long sinceMillis, Visitor<StampedId> visitor) throws IOException {
    pages(sinceMillis == null ? null : since(sinceMillis), new String[0],
        hit -> visitor.visit(new StampedId(hit.path("_id").asText(), indexedAt(hit))));
  }

  private ObjectNode since(long millis) {
    ObjectNode query = client.object();
    query.putObject("range").putObject(IndexSchema.INDEXED_AT).put("gte", millis).put("format", "epoch_millis");
    return query;
  }

  private static long indexedAt(JsonNode hit) {
    JsonNode value = hit.path("fields").path(IndexSchema.INDEXED_AT).path(0);
    return value.isMissingNode() ? 0 : Long.parseLong(value.asText("0"));
  }

  /** The cluster's clock: of the node that answers, in milliseconds (its statistics' time stamp). */
  long clusterMillis() throws IOException {
    JsonNode nodes = client.call("GET", "/_nodes/_local/stats/process",
        Map.of("filter_path", "nodes.*.timestamp"), null).path("nodes");
    Iterator<JsonNode> node = nodes.elements();
    if (!node.hasNext() || !node.next().path("timestamp").canConvertToLong()) {
      throw new IOException("OpenSearch did not tell its time (GET /_nodes/_local/stats/process): " + nodes);
    }
    return nodes.elements().next().path("timestamp").asLong();
  }

  /** The number of articles the cluster holds, as searches see them now. */
  long count() throws IOException {
    return client.call("GET", "/" + client.config().index() + "/_count", null).path("count").asLong();
  }

  /** Every id with its content hash. */
  Map<String, String> hashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    pages(null, new String[] {ArchiveFields.ID, ArchiveFields.HASH},
        hit -> hashes.put(hit.path("_source").path(ArchiveFields.ID).asText(),
            hit.path("_source").path(ArchiveFields.HASH).asText()));
    return hashes;
  }

  private interface HitVisitor {
    void visit(JsonNode hit) throws IOException;
  }

  /**
   * Every hit of {@code query} (every article when null), in id order, a page at a time, each with its {@link
   * IndexSchema#INDEXED_AT}; only {@code fields} of the source when given (none for an empty array), else all but
   * the passages' vectors.
   */
  private void pages(ObjectNode query, String[] fields, HitVisitor visitor) throws IOException {
    JsonNode after = null;
    while (true) {
      ObjectNode body = client.object();
      body.put("size", PAGE);
      if (query == null) {
        body.putObject("query").putObject("match_all");
      } else {
        body.set("query", query);
      }
      body.putArray("sort").addObject().put(ArchiveFields.ID, "asc");
      body.put("track_total_hits", false);
      body.putArray("docvalue_fields").addObject().put("field", IndexSchema.INDEXED_AT).put("format", "epoch_millis");
      if (fields == null) {
        body.putObject("_source").putArray("excludes").add(ClusterVectors.VECTOR_PATH);
      } else if (fields.length == 0) {
        body.put("_source", false);
      } else {
        ArrayNode includes = body.putObject("_source").putArray("includes");
        for (String field : fields) {
          includes.add(field);
        }
      }
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = client.searchArticles(body).path("hits").path("hits");
      if (hits.isEmpty()) {
        return;
      }
      for (JsonNode hit : hits) {
        visitor.visit(hit);
      }
      after = hits.get(hits.size() - 1).path("sort");
      if (hits.size() < PAGE) {
        return;
      }
    }
  }
}
