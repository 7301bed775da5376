package dev.dealarchive.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Relevance judgments: for each query id, the judged document ids and their relevance values. A document is relevant
 * when its value is at least 1; 0 and negative values count as judged non-relevant.
 *
 * @param judgments query id to (document id to relevance), in the order first seen; copied and unmodifiable
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {
  public Qrels {
    Objects.requireNonNull(judgments, "judgments");
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Integer>> query : judgments.entrySet()) {
      Map<String, Integer> docs = Objects.requireNonNull(query.getValue(), "judgments of " + query.getKey());
      docs.forEach((doc, rel) -> {
        Objects.requireNonNull(doc, "document id");
        Objects.requireNonNull(rel, "relevance of " + doc);
      });
      String id = Objects.requireNonNull(query.getKey(), "query id");
      copy.put(id, Collections.unmodifiableMap(new LinkedHashMap<>(docs)));
    }
    judgments = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a TREC qrels file: one judgment per line, {@code qid iter docid rel}, fields separated by spaces or tabs,
   * {@code iter} ignored, {@code rel} an integer. Blank lines and lines starting with {@code #} are skipped.
   *
   * @throws EvalInputException for a line without exactly four fields, a relevance that is not an integer, a second
   *     judgment of the same document for the same query, or a file without judgments
   * @throws IOException when the file cannot be read
   */
  public static Qrels read(Path file) throws IOException {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    InputLines.forEach(file, (number, text) -> {
      String line = text.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        return;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 4) {
        throw new EvalInputException(
            file, number, "expected 4 fields 'qid iter docid rel' but found " + fields.length);
      }
      int rel;
      try {
        rel = Integer.parseInt(fields[3]);
      } catch (NumberFormatException e) {
        throw new EvalInputException(file, number, "relevance is not an integer: '" + fields[3] + "'");
      }
      Map<String, Integer> docs = judgments.computeIfAbsent(fields[0], q -> new LinkedHashMap<>());
      if (docs.putIfAbsent(fields[2], rel) != null) {
        throw new EvalInputException(
            file, number, "document " + fields[2] + " is judged twice for query " + fields[0]);
      }
    });
    if (judgments.isEmpty()) {
      throw new EvalInputException(file, 0, "no judgments");
    }
    return new Qrels(judgments);
  }

  /** The judgments of one query: document id to relevance; empty when the query has none. */
  public Map<String, Integer> judgmentsFor(String queryId) {
    return judgments.getOrDefault(queryId, Map.of());
  }

  /** How many documents are relevant (relevance at least 1) to the query; 0 for an unknown query. */
  public int relevantCount(String queryId) {
    return (int) judgmentsFor(queryId).values().stream().filter(rel -> rel >= 1).count();
  }

  /** The number of judgments over all queries. */
  public int judgmentCount() {
    return judgments.values().stream().mapToInt(Map::size).sum();
  }
}
