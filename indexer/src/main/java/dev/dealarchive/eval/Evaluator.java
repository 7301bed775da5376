package dev.dealarchive.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs every topic through a searcher and scores the results against judgments.
 *
 * <p>The searcher is any function from a topic to its scored results; this class knows nothing of how it searches.
 * With more than one thread, topics are searched concurrently, so the searcher must then be safe to call from
 * several threads at once. The outcome does not depend on the thread count: each topic's results are put in
 * {@link ScoredDoc#TREC_EVAL_ORDER} and kept in topic order.
 */
public final class Evaluator {
  private final String runTag;
  private final int threads;

  /**
   * @param runTag the tag of the produced {@link Run}; not blank, without whitespace
   * @param threads how many topics to search at once; at least 1 (1 searches on the calling thread)
   */
  public Evaluator(String runTag, int threads) {
    Objects.requireNonNull(runTag, "runTag");
    if (runTag.isBlank() || InputLines.hasWhitespace(runTag)) {
      throw new IllegalArgumentException("run tag must be non-blank without whitespace: '" + runTag + "'");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.runTag = runTag;
    this.threads = threads;
  }

  /**
   * Searches every topic, keeps each topic's top {@code depth} results in {@link ScoredDoc#TREC_EVAL_ORDER}, and
   * scores them with {@link Metrics#evaluate(Run, Qrels)}. Topics without judgments are searched and appear in the
   * run but not in the report; judged queries missing from {@code topics} score 0.
   *
   * @param topics the topics, with distinct ids, in the order the run should list them
   * @param qrels the judgments
   * @param searcher gives the results of a topic, in any order, each document at most once; never null
   * @param depth how many results per topic to keep, at least 1 (1000 for Recall@1000 to mean anything)
   * @return the report and the run it was computed from
   * @throws IllegalArgumentException for repeated topic ids or a depth below 1
   * @throws IllegalStateException when the searcher returns null or a document twice for a topic
   * @throws CancellationException when the calling thread is interrupted while waiting for the searches
   * @throws RuntimeException whatever the searcher threw, unwrapped
   */
  public Evaluation evaluate(
      List<Topic> topics, Qrels qrels, Function<Topic, List<ScoredDoc>> searcher, int depth) {
    Objects.requireNonNull(qrels, "qrels");
    Objects.requireNonNull(searcher, "searcher");
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1: " + depth);
    }
    Set<String> ids = new HashSet<>();
    for (Topic topic : topics) {
      if (!ids.add(topic.id())) {
        throw new IllegalArgumentException("topic id " + topic.id() + " occurs twice");
      }
    }
    Function<Topic, List<ScoredDoc>> search = topic -> topResults(topic, searcher.apply(topic), depth);
    List<List<ScoredDoc>> results = threads == 1 || topics.size() < 2
        ? topics.stream().map(search).toList()
        : searchConcurrently(topics, search);
    Map<String, List<ScoredDoc>> rankings = new LinkedHashMap<>();
    for (int i = 0; i < topics.size(); i++) {
      rankings.put(topics.get(i).id(), results.get(i));
    }
    Run run = new Run(runTag, rankings);
    return new Evaluation(Metrics.evaluate(run, qrels), run);
  }

  private List<List<ScoredDoc>> searchConcurrently(List<Topic> topics, Function<Topic, List<ScoredDoc>> search) {
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, topics.size()), daemonThreads())) {
      List<Future<List<ScoredDoc>>> futures = new ArrayList<>();
      for (Topic topic : topics) {
        futures.add(pool.submit(() -> search.apply(topic)));
      }
      List<List<ScoredDoc>> results = new ArrayList<>();
      try {
        for (Future<List<ScoredDoc>> future : futures) {
          results.add(future.get());
        }
      } catch (ExecutionException e) {
        pool.shutdownNow();
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException("search failed", e.getCause());
      } catch (InterruptedException e) {
        pool.shutdownNow();
        Thread.currentThread().interrupt();
        throw new CancellationException("evaluation interrupted");
      }
      return results;
    }
  }

  private static List<ScoredDoc> topResults(Topic topic, List<ScoredDoc> results, int depth) {
    if (results == null) {
      throw new IllegalStateException("searcher returned null for topic " + topic.id());
    }
    Set<String> seen = new HashSet<>();
    for (ScoredDoc doc : results) {
      if (!seen.add(doc.docId())) {
        throw new IllegalStateException("searcher returned document " + doc.docId() + " twice for topic " + topic.id());
      }
    }
    List<ScoredDoc> ordered = Metrics.trecEvalOrder(results);
    return List.copyOf(ordered.subList(0, Math.min(depth, ordered.size())));
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "eval-search-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
