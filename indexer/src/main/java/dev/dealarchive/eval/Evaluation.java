package dev.dealarchive.eval;

import java.util.Objects;

/**
 * What {@link Evaluator#evaluate} produced.
 *
 * @param report the measures
 * @param run the results the measures were computed from, ready to {@link Run#write(java.nio.file.Path) write}
 */
public record Evaluation(EvalReport report, Run run) {
  public Evaluation {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(run, "run");
  }
}
