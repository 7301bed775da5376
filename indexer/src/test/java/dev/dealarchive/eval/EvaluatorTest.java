package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  private static final Qrels QRELS = new Qrels(Map.of(
      "1", Map.of("d1", 1),
      "2", Map.of("d3", 2, "d4", 1),
      "3", Map.of("d9", 1)));

  /** Three results per topic; topic 1 ranks d1 first, topic 2 ranks d3 third. */
  private static final Function<Topic, List<ScoredDoc>> SEARCHER = topic -> switch (topic.id()) {
    case "1" -> List.of(new ScoredDoc("d2", 1.0), new ScoredDoc("d1", 3.0), new ScoredDoc("d5", 2.0));
    case "2" -> List.of(new ScoredDoc("d1", 3.0), new ScoredDoc("d2", 2.0), new ScoredDoc("d3", 1.0));
    default -> List.of();
  };

  @Test
  void searchesTopicsInOrderAndKeepsTheTopDepthResultsInTrecEvalOrder() {
    List<Topic> topics = List.of(new Topic("2", "second"), new Topic("1", "first"), new Topic("4", "unjudged"));

    Evaluation evaluation = new Evaluator("test", 1).evaluate(topics, QRELS, SEARCHER, 2);

    assertEquals("test", evaluation.run().tag());
    assertEquals(List.of("2", "1"), List.copyOf(evaluation.run().rankings().keySet()));
    assertEquals(List.of(new ScoredDoc("d1", 3.0), new ScoredDoc("d5", 2.0)), evaluation.run().ranking("1"));
    EvalReport report = evaluation.report();
    // Topic 1: d1 at rank 1; topic 2: d3 cut off by depth 2; topic 3: judged but not among the topics.
    assertEquals(3, report.queries());
    assertEquals(1, report.queriesWithoutResults());
    assertEquals((1.0 + 0 + 0) / 3, report.mean(Metric.MRR_10), 1e-12);
    assertEquals((1.0 + 0 + 0) / 3, report.mean(Metric.RECALL_1000), 1e-12);
  }

  @Test
  void manyThreadsGiveTheSameOutcomeAsOne() {
    List<Topic> topics = IntStream.range(0, 60).mapToObj(i -> new Topic("t" + i, "text " + i)).toList();
    Map<String, Map<String, Integer>> judgments = new HashMap<>();
    topics.forEach(t -> judgments.put(t.id(), Map.of("doc" + (t.id().hashCode() % 7 + 7) % 7, 1)));
    Qrels qrels = new Qrels(judgments);
    Function<Topic, List<ScoredDoc>> slowSearcher = topic -> {
      int n = Integer.parseInt(topic.id().substring(1));
      try {
        Thread.sleep((n * 7) % 5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      List<ScoredDoc> docs = new ArrayList<>();
      for (int d = 0; d < 7; d++) {
        docs.add(new ScoredDoc("doc" + d, (d * n) % 4));
      }
      return docs;
    };

    Evaluation sequential = new Evaluator("r", 1).evaluate(topics, qrels, slowSearcher, 5);
    Evaluation parallel = new Evaluator("r", 8).evaluate(topics, qrels, slowSearcher, 5);

    assertEquals(sequential, parallel);
    assertEquals(List.copyOf(sequential.run().rankings().keySet()), List.copyOf(parallel.run().rankings().keySet()));
  }

  @Test
  void searcherFailureReachesTheCallerUnwrapped() {
    IllegalStateException failure = new IllegalStateException("index closed");
    List<Topic> topics = List.of(new Topic("1", "a"), new Topic("2", "b"), new Topic("3", "c"));

    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> new Evaluator("r", 2).evaluate(topics, QRELS, topic -> {
          throw failure;
        }, 10));

    assertSame(failure, thrown);
  }

  @Test
  void documentReturnedTwiceForATopicIsRejected() {
    List<Topic> topics = List.of(new Topic("1", "a"));
    Function<Topic, List<ScoredDoc>> repeating = topic -> List.of(new ScoredDoc("d", 2), new ScoredDoc("d", 1));

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> new Evaluator("r", 1).evaluate(topics, QRELS, repeating, 10));

    assertEquals("searcher returned document d twice for topic 1", e.getMessage());
  }

  @Test
  void repeatedTopicIdsAndDepthBelowOneAreRejected() {
    Evaluator evaluator = new Evaluator("r", 1);
    List<Topic> repeated = List.of(new Topic("1", "a"), new Topic("1", "b"));

    assertThrows(IllegalArgumentException.class, () -> evaluator.evaluate(repeated, QRELS, SEARCHER, 10));
    assertThrows(IllegalArgumentException.class,
        () -> evaluator.evaluate(List.of(new Topic("1", "a")), QRELS, SEARCHER, 0));
    assertThrows(IllegalArgumentException.class, () -> new Evaluator("r", 0));
  }
}
