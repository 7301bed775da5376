package dev.dealarchive.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of scoring a run: mean measures and per-query values. All fields are plain data, so the record
 * serializes to JSON as it is.
 *
 * @param runTag the tag of the run that was scored
 * @param queries how many queries were averaged (see {@link Metrics#evaluate(Run, Qrels)})
 * @param queriesWithoutResults how many of those the run had no results for (each scored 0)
 * @param means {@link Metric#label()} to mean over the averaged queries, in {@link Metric} order; copied and
 *     unmodifiable
 * @param perQuery the values of each averaged query, in qrels order; copied and unmodifiable
 */
public record EvalReport(
    String runTag, int queries, int queriesWithoutResults, Map<String, Double> means, List<QueryScores> perQuery) {
  public EvalReport {
    Objects.requireNonNull(runTag, "runTag");
    means = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(means, "means")));
    perQuery = List.copyOf(perQuery);
  }

  /** The mean of one measure, or NaN when it was not computed. */
  public double mean(Metric metric) {
    return means.getOrDefault(metric.label(), Double.NaN);
  }

  /**
   * A two-column table of run tag, query count and the mean of each measure to four decimals, one per line, values
   * aligned; for example {@code "nDCG@10  0.6650"}. Every line ends with {@code \n}.
   */
  public String format() {
    int width = "queries".length();
    for (String label : means.keySet()) {
      width = Math.max(width, label.length());
    }
    String row = "%-" + width + "s  %s\n";
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, row, "run", runTag));
    out.append(String.format(
        Locale.ROOT, row, "queries", queries + " (" + queriesWithoutResults + " without results)"));
    means.forEach((label, mean) -> out.append(String.format(Locale.ROOT, row, label, decimal(mean))));
    return out.toString();
  }

  /**
   * A table with a header line and one line per averaged query: the query id, then each measure to four decimals,
   * columns aligned. Every line ends with {@code \n}.
   */
  public String formatPerQuery() {
    int idWidth = "query".length();
    for (QueryScores query : perQuery) {
      idWidth = Math.max(idWidth, query.queryId().length());
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-" + idWidth + "s", "query"));
    for (String label : means.keySet()) {
      out.append(String.format(Locale.ROOT, "  %" + columnWidth(label) + "s", label));
    }
    out.append('\n');
    for (QueryScores query : perQuery) {
      out.append(String.format(Locale.ROOT, "%-" + idWidth + "s", query.queryId()));
      for (String label : means.keySet()) {
        out.append(String.format(
            Locale.ROOT, "  %" + columnWidth(label) + "s", decimal(query.values().getOrDefault(label, Double.NaN))));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static int columnWidth(String label) {
    return Math.max(label.length(), "0.0000".length());
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }
}
