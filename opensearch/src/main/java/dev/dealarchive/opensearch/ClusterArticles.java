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
import java.util.Map;
import java.util.Optional;

/** Reads stored articles back from the cluster: one by id, every one in id order, or every id with its hash. */
final class ClusterArticles {
  static final int PAGE = 500;

  private final ClusterClient client;

  ClusterArticles(ClusterClient client) {
    this.client = client;
  }

  Optional<Article> byId(String id) throws IOException {
    String path = "/" + client.config().index() + "/_doc/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    ClusterClient.Reply reply = client.send("GET", path, Map.of(), null);
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
    pages(null, hit -> visitor.visit(IndexSchema.article(hit.path("_source"))));
  }

  /** Every id with its content hash. */
  Map<String, String> hashes() throws IOException {
    Map<String, String> hashes = new HashMap<>();
    pages(new String[] {ArchiveFields.ID, ArchiveFields.HASH},
        hit -> hashes.put(hit.path("_source").path(ArchiveFields.ID).asText(),
            hit.path("_source").path(ArchiveFields.HASH).asText()));
    return hashes;
  }

  private interface HitVisitor {
    void visit(JsonNode hit) throws IOException;
  }

  private void pages(String[] fields, HitVisitor visitor) throws IOException {
    JsonNode after = null;
    while (true) {
      ObjectNode body = client.object();
      body.put("size", PAGE);
      body.putObject("query").putObject("match_all");
      body.putArray("sort").addObject().put(ArchiveFields.ID, "asc");
      body.put("track_total_hits", false);
      if (fields != null) {
        ArrayNode includes = body.putObject("_source").putArray("includes");
        for (String field : fields) {
          includes.add(field);
        }
      }
      if (after != null) {
        body.set("search_after", after);
      }
      JsonNode hits = client.call("POST", "/" + client.config().index() + "/_search", body).path("hits").path("hits");
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
