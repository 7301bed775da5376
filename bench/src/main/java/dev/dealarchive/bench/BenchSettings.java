package dev.dealarchive.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What a benchmark run measures and how much work it does.
 *
 * @param corpus the JSON-lines corpus
 * @param phases the phases to run
 * @param scales corpus sizes as multiples of the corpus, ascending; the peer's searches and the cold commands run on
 *     the first, the peer's build on every one
 * @param queries keyword queries in the query log
 * @param questions questions in the question log
 * @param coldRuns timed runs of each cold command (the median is reported)
 * @param rounds times the serving process of the memory phase works through both logs
 * @param heap heap limit of the serving process, such as {@code 256m}
 * @param threads indexing threads of the headline build and client threads of the throughput runs
 * @param seed seed of the query log, the question log and the scaled corpora
 * @param work folder for indexes, databases and generated corpora, or null for a new temporary folder
 * @param keep keep the work folder instead of deleting it at the end
 * @param vectorArticles articles (the corpus's first) the vectors phase builds its indexes with; 0 for all
 * @param vectorIndex an existing index with vectors the vectors phase measures its query-side figures on (read only)
 *     instead of building one, or null
 */
public record BenchSettings(
    Path corpus,
    Set<Phase> phases,
    List<Integer> scales,
    int queries,
    int questions,
    int coldRuns,
    int rounds,
    String heap,
    int threads,
    long seed,
    Path work,
    boolean keep,
    int vectorArticles,
    Path vectorIndex) {
  public BenchSettings {
    phases = Set.copyOf(phases);
    scales = List.copyOf(scales);
    if (scales.isEmpty() || scales.stream().anyMatch(scale -> scale < 1)) {
      throw new IllegalArgumentException("scales must be whole numbers of at least 1: " + scales);
    }
    if (queries < 1 || questions < 1 || coldRuns < 1 || rounds < 1 || threads < 1) {
      throw new IllegalArgumentException("queries, questions, cold runs, rounds and threads must be at least 1");
    }
    if (vectorArticles < 0) {
      throw new IllegalArgumentException("--vector-articles must be 0 (all) or more: " + vectorArticles);
    }
  }

  /** Settings without the vectors phase's own choices: all articles, a new index. */
  public BenchSettings(Path corpus, Set<Phase> phases, List<Integer> scales, int queries, int questions, int coldRuns,
      int rounds, String heap, int threads, long seed, Path work, boolean keep) {
    this(corpus, phases, scales, queries, questions, coldRuns, rounds, heap, threads, seed, work, keep, 0, null);
  }

  /** True when {@code phase} was selected. */
  public boolean runs(Phase phase) {
    return phases.contains(phase);
  }
}
