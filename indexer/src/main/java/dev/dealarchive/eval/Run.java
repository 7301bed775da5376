package dev.dealarchive.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The results of one system for a set of queries: a ranked list of scored documents per query id.
 *
 * @param tag the run tag written in the last column of a run file; not blank, without whitespace
 * @param rankings query id to its results, in the order given; queries with no results are left out, as a run file
 *     cannot hold them; copied and unmodifiable
 */
public record Run(String tag, Map<String, List<ScoredDoc>> rankings) {
  public Run {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(rankings, "rankings");
    if (tag.isBlank() || InputLines.hasWhitespace(tag)) {
      throw new IllegalArgumentException("run tag must be non-blank without whitespace: '" + tag + "'");
    }
    Map<String, List<ScoredDoc>> copy = new LinkedHashMap<>();
    for (Map.Entry<String, List<ScoredDoc>> query : rankings.entrySet()) {
      String id = Objects.requireNonNull(query.getKey(), "query id");
      List<ScoredDoc> docs = List.copyOf(Objects.requireNonNull(query.getValue(), "ranking of " + id));
      if (docs.isEmpty()) {
        continue;
      }
      if (id.isBlank() || InputLines.hasWhitespace(id)) {
        throw new IllegalArgumentException("query id must be non-blank without whitespace: '" + id + "'");
      }
      String duplicate = firstDuplicate(docs);
      if (duplicate != null) {
        throw new IllegalArgumentException("document " + duplicate + " is ranked twice for query " + id);
      }
      copy.put(id, docs);
    }
    rankings = Collections.unmodifiableMap(copy);
  }

  /** The results for one query in the order given; empty when the run has none for it. */
  public List<ScoredDoc> ranking(String queryId) {
    return rankings.getOrDefault(queryId, List.of());
  }

  /**
   * Writes the run in TREC format, one line {@code qid Q0 docid rank score tag} per result, queries in the run's
   * order, each query's results in {@link ScoredDoc#TREC_EVAL_ORDER} with ranks from 1, so that the rank column agrees
   * with the order trec_eval will use. Scores are written in plain decimal with as many digits as needed to read
   * back the same {@code double}. The file is UTF-8 with {@code \n} line ends and is replaced if it exists.
   *
   * @throws IOException when the file cannot be written
   */
  public void write(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, List<ScoredDoc>> query : rankings.entrySet()) {
        List<ScoredDoc> ordered = new ArrayList<>(query.getValue());
        ordered.sort(ScoredDoc.TREC_EVAL_ORDER);
        for (int i = 0; i < ordered.size(); i++) {
          ScoredDoc doc = ordered.get(i);
          out.write(query.getKey() + " Q0 " + doc.docId() + " " + (i + 1) + " "
              + BigDecimal.valueOf(doc.score()).toPlainString() + " " + tag + "\n");
        }
      }
    }
  }

  /**
   * Reads a TREC run file: lines {@code qid iter docid rank score tag}, separated by spaces or tabs, as trec_eval
   * reads them: {@code iter} and {@code rank} are ignored, fields after the tag are ignored, blank lines and lines
   * starting with {@code #} are skipped, and the tag is that of the last line. Queries keep the order of their first
   * line, results the order of the file.
   *
   * @throws EvalInputException for a line with fewer than six fields, a score that is not a finite number, a document
   *     ranked twice for one query, or a file without results
   * @throws IOException when the file cannot be read
   */
  public static Run read(Path file) throws IOException {
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    Map<String, Set<String>> seen = new HashMap<>();
    String[] tag = {null};
    InputLines.forEach(file, (number, text) -> {
      String line = text.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        return;
      }
      String[] fields = line.split("\\s+");
      if (fields.length < 6) {
        throw new EvalInputException(
            file, number, "expected 6 fields 'qid Q0 docid rank score tag' but found " + fields.length);
      }
      double score;
      try {
        score = Double.parseDouble(fields[4]);
      } catch (NumberFormatException e) {
        throw new EvalInputException(file, number, "score is not a number: '" + fields[4] + "'");
      }
      if (!Double.isFinite(score)) {
        throw new EvalInputException(file, number, "score is not finite: '" + fields[4] + "'");
      }
      if (!seen.computeIfAbsent(fields[0], q -> new HashSet<>()).add(fields[2])) {
        throw new EvalInputException(
            file, number, "document " + fields[2] + " is ranked twice for query " + fields[0]);
      }
      rankings.computeIfAbsent(fields[0], q -> new ArrayList<>()).add(new ScoredDoc(fields[2], score));
      tag[0] = fields[5];
    });
    if (rankings.isEmpty()) {
      throw new EvalInputException(file, 0, "no results");
    }
    return new Run(tag[0], rankings);
  }

  private static String firstDuplicate(List<ScoredDoc> docs) {
    Set<String> ids = new HashSet<>();
    for (ScoredDoc doc : docs) {
      if (!ids.add(doc.docId())) {
        return doc.docId();
      }
    }
    return null;
  }
}
