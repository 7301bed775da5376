package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes articles to the cluster in bulk requests, by id: an article replaces the one with its id (last write
 * wins; never a second copy), a delete removes it. Items the cluster rejects as busy ({@code 429}, a full write
 * queue) or unavailable ({@code 503}, a shard without its primary while a node leaves) are sent again after a
 * pause that doubles each round; other rejections fail the write with the cluster's reason and the article id.
 * Not thread-safe: one writer per writing thread.
 */
public final class BulkWriter implements AutoCloseable {
  /** Requests stay well under OpenSearch's default 100 MB limit and its write queue. */
  static final int MAX_ITEMS = 500;
  static final int MAX_BYTES = 5 * 1024 * 1024;
  /** Rounds of re-sending rejected items before giving up. */
  static final int ROUNDS = 12;

  private final ClusterClient client;
  private final ObjectMapper json;
  private final List<Item> pending = new ArrayList<>();
  private int pendingBytes;
  private long written;
  private long deleted;
  private long retried;

  public BulkWriter(ClusterClient client) {
    this.client = client;
    this.json = client.json();
  }

  private record Item(String id, String action, String source) {
    int bytes() {
      return action.length() + (source == null ? 0 : source.length()) + 2;
    }
  }

  /** Queues an article for writing; sends when the batch is full. */
  public void put(Article article) throws IOException {
    put(article, null);
  }

  /** Queues an article with its passages and their vectors ({@code null}: none) for writing. */
  void put(Article article, ArticleBlocks.StoredPassages passages) throws IOException {
    String action = json.writeValueAsString(
        json.createObjectNode().set("index", meta(article.id())));
    ObjectNode doc = IndexSchema.document(json, article);
    if (passages != null) {
      ClusterVectors.addTo(doc, passages);
    }
    add(new Item(article.id(), action, json.writeValueAsString(doc)));
  }

  /** Queues the deletion of an article; deleting an id the cluster does not have is not an error. */
  public void delete(String id) throws IOException {
    String action = json.writeValueAsString(json.createObjectNode().set("delete", meta(id)));
    add(new Item(id, action, null));
  }

  private ObjectNode meta(String id) {
    return json.createObjectNode().put("_index", client.config().index()).put("_id", id);
  }

  private void add(Item item) throws IOException {
    pending.add(item);
    pendingBytes += item.bytes();
    if (pending.size() >= MAX_ITEMS || pendingBytes >= MAX_BYTES) {
      flush();
    }
  }

  /** Sends what is queued and waits until the cluster has taken all of it. */
  public void flush() throws IOException {
    List<Item> items = new ArrayList<>(pending);
    pending.clear();
    pendingBytes = 0;
    long wait = ClusterClient.FIRST_WAIT_MILLIS;
    for (int round = 1; !items.isEmpty(); round++) {
      List<Item> again = send(items);
      if (again.isEmpty()) {
        return;
      }
      if (round >= ROUNDS) {
        throw new ClusterException(
            "OpenSearch stayed too busy to take " + again.size() + " articles (first: " + again.get(0).id()
                + ") after " + ROUNDS + " tries; nothing else was lost: run the command again",
            429);
      }
      retried += again.size();
      ClusterClient.pause(wait);
      wait = Math.min(ClusterClient.MAX_WAIT_MILLIS, wait * 2);
      items = again;
    }
  }

  /** Sends one bulk request; returns the items to send again. */
  private List<Item> send(List<Item> items) throws IOException {
    StringBuilder body = new StringBuilder();
    for (Item item : items) {
      body.append(item.action()).append('\n');
      if (item.source() != null) {
        body.append(item.source()).append('\n');
      }
    }
    ClusterClient.Reply reply = client.sendBulk(Map.of(), body.toString());
    if (ClusterClient.retriable(reply.status())) {
      return items;
    }
    if (!reply.ok()) {
      throw client.failure("POST", "/_bulk", reply);
    }
    List<Item> again = new ArrayList<>();
    JsonNode results = reply.body().path("items");
    for (int i = 0; i < items.size(); i++) {
      JsonNode result = results.path(i);
      JsonNode outcome = result.elements().hasNext() ? result.elements().next() : json.createObjectNode();
      int status = outcome.path("status").asInt(0);
      Item item = items.get(i);
      boolean isDelete = item.source() == null;
      if (status >= 200 && status < 300 || (isDelete && status == 404)) {
        if (isDelete) {
          deleted += status == 404 ? 0 : 1;
        } else {
          written++;
        }
      } else if (status == 0 || ClusterClient.retriable(status)) {
        again.add(item);
      } else {
        JsonNode error = outcome.path("error");
        throw new ClusterException(
            "OpenSearch refused article " + item.id() + " (HTTP " + status + "): "
                + error.path("type").asText("") + ": " + error.path("reason").asText(""),
            status);
      }
    }
    return again;
  }

  /** Articles written so far. */
  public long written() {
    return written;
  }

  /** Articles deleted so far. */
  public long deleted() {
    return deleted;
  }

  /** Items sent again because the cluster was busy or a shard unavailable. */
  public long retried() {
    return retried;
  }

  /** Sends what is still queued. */
  @Override
  public void close() throws IOException {
    flush();
  }

}
