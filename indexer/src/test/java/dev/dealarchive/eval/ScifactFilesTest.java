package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the real BEIR SciFact test topics and qrels from {@code shared/corpora/beir-scifact}, found by walking up from
 * the working directory; skipped when they are not there.
 */
class ScifactFilesTest {
  private static final String DIR = "shared/corpora/beir-scifact";
  private static final String QRELS = "qrels.beir-v1.0.0-scifact.test.txt";
  private static final String TOPICS = "topics.beir-v1.0.0-scifact.test.tsv";

  private static Path scifact;

  @BeforeAll
  static void locate() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null && scifact == null; dir = dir.getParent()) {
      Path candidate = dir.resolve(DIR);
      if (Files.isRegularFile(candidate.resolve(QRELS)) && Files.isRegularFile(candidate.resolve(TOPICS))) {
        scifact = candidate;
      }
    }
    Assumptions.assumeTrue(scifact != null,
        () -> "BEIR SciFact files " + QRELS + " and " + TOPICS + " not found in " + DIR + " above " + start
            + "; skipping the real-collection checks");
  }

  @Test
  void qrelsHold339JudgmentsOver300QueriesAllRelevant() throws IOException {
    Qrels qrels = Qrels.read(scifact.resolve(QRELS));

    assertEquals(339, qrels.judgmentCount());
    assertEquals(300, qrels.judgments().size());
    assertEquals(Map.of("31715818", 1), qrels.judgmentsFor("1"));
    assertTrue(qrels.judgments().values().stream().flatMap(j -> j.values().stream()).allMatch(rel -> rel == 1));
    assertEquals(339, qrels.judgments().keySet().stream().mapToInt(qrels::relevantCount).sum());
  }

  @Test
  void topicsAreRead300InFileOrderAsTabSeparated() throws IOException {
    List<Topic> topics = Topics.read(scifact.resolve(TOPICS));

    assertEquals(300, topics.size());
    assertEquals(new Topic("1", "0-dimensional biomaterials show inductive properties."), topics.get(0));
    assertEquals("3", topics.get(1).id());
    Map<String, String> byId = topics.stream().collect(Collectors.toMap(Topic::id, Topic::text));
    assertEquals("Deletion of αvβ8 does not result in a spontaneous inflammatory phenotype.", byId.get("327"));
  }

  @Test
  void everyJudgedQueryHasATopicAndAPerfectRunScoresOne() throws IOException {
    Qrels qrels = Qrels.read(scifact.resolve(QRELS));
    List<Topic> topics = Topics.read(scifact.resolve(TOPICS));
    Set<String> topicIds = topics.stream().map(Topic::id).collect(Collectors.toSet());
    assertEquals(topicIds, qrels.judgments().keySet());

    Map<String, List<ScoredDoc>> perfect = new LinkedHashMap<>();
    qrels.judgments().forEach((query, docs) -> perfect.put(query, docs.keySet().stream()
        .map(doc -> new ScoredDoc(doc, 1.0))
        .toList()));
    EvalReport report = Metrics.evaluate(new Run("perfect", perfect), qrels);

    assertEquals(300, report.queries());
    assertEquals(0, report.queriesWithoutResults());
    for (Metric metric : Metric.values()) {
      assertEquals(1.0, report.mean(metric), 1e-12, metric.label());
    }
  }
}
