package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.answer.AnswerSettings;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The BM25 parameters the answer fields of a cluster index score with. On one machine {@code --k1}/{@code --b} change
 * them per question; on a cluster they are the index's {@code index.similarity.default} setting, shared by every
 * reader and writer, recorded in the mapping's {@code _meta.answer_bm25}, and changed only for the whole index by
 * {@code archive opensearch-bm25} (OpenSearch takes a similarity change only while the index is closed).
 */
record Bm25(float k1, float b) {
  /** The setting the answer sub-fields take (the index's default similarity). */
  static final String SETTING = "index.similarity.default";

  static Bm25 of(AnswerSettings answers) {
    return new Bm25(answers.k1(), answers.b());
  }

  /** Whether {@code answers} asks for these parameters. */
  boolean matches(AnswerSettings answers) {
    return Float.compare(k1, answers.k1()) == 0 && Float.compare(b, answers.b()) == 0;
  }

  /** {@code answers} with these parameters. */
  AnswerSettings applyTo(AnswerSettings a) {
    return new AnswerSettings(k1, b, a.titleBoost(), a.exactBonus(), a.proximityWeight(), a.proximitySlop(),
        a.minCoverage());
  }

  /** As the options that ask for them: {@code --k1 0.9 --b 0.4}. */
  String options() {
    return String.format(Locale.ROOT, "--k1 %s --b %s", k1, b);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "k1 %s, b %s", k1, b);
  }

  /** The parameters in force on the configured index, from its settings. */
  static Bm25 inForce(ClusterClient client) throws IOException {
    String index = client.config().index();
    JsonNode reply = client.call("GET", "/" + index + "/_settings/" + SETTING + ".*",
        Map.of("flat_settings", "true"), null);
    Iterator<JsonNode> indexes = reply.elements();
    JsonNode settings = indexes.hasNext() ? indexes.next().path("settings") : client.object();
    // Lucene's BM25 defaults apply to a similarity that leaves a parameter out.
    return new Bm25(
        (float) settings.path(SETTING + ".k1").asDouble(1.2),
        (float) settings.path(SETTING + ".b").asDouble(0.75));
  }

  /**
   * Makes these the parameters of the configured index: closes it (searches and writes fail meanwhile), changes the
   * similarity, opens it again and waits until its shards answer, then records the values in {@code _meta}.
   */
  void setOn(ClusterClient client) throws IOException {
    if (!(k1 >= 0) || !(b >= 0 && b <= 1)) {
      throw new IllegalArgumentException("BM25 needs k1 of at least 0 and b from 0 to 1, not " + this);
    }
    String index = client.config().index();
    ObjectNode similarity = client.object();
    similarity.put(SETTING + ".type", "BM25").put(SETTING + ".k1", k1).put(SETTING + ".b", b);
    client.call("POST", "/" + index + "/_close", null);
    try {
      client.call("PUT", "/" + index + "/_settings", similarity);
    } finally {
      client.call("POST", "/" + index + "/_open", null);
      client.call("GET", "/_cluster/health/" + index, Map.of("wait_for_status", "yellow", "timeout", "60s"), null);
    }
    ObjectNode mapping = client.object();
    IndexSchema.meta(mapping.putObject("_meta"), this);
    client.call("PUT", "/" + index + "/_mapping", mapping);
  }

  /** A command asked for BM25 parameters other than those of the cluster index. */
  static final class MismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    MismatchException(String message) {
      super(message);
    }
  }

  /** Says which parameters are in force, and the command that changes them for the whole index. */
  static MismatchException mismatch(ClusterConfig config, Bm25 inForce, Bm25 asked) {
    return new MismatchException(
        "answers on the OpenSearch index \"" + config.index() + "\" score with BM25 " + inForce
            + " (a setting of the index, shared by every reader); " + asked.options()
            + " cannot be applied to one command on a cluster. Leave out --k1/--b to use the values in force, or "
            + "change them for the whole index (it is closed for a moment: searches fail meanwhile) with: "
            + "archive opensearch-bm25 --opensearch " + config.urls().get(0) + " --opensearch-index "
            + config.index() + " " + asked.options());
  }
}
