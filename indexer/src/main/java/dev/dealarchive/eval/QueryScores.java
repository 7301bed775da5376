package dev.dealarchive.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The measures of one query.
 *
 * @param queryId the query id
 * @param relevant how many documents are judged relevant to the query
 * @param retrieved how many results the run has for the query (0 when it has none)
 * @param values {@link Metric#label()} to value, in {@link Metric} order; copied and unmodifiable
 */
public record QueryScores(String queryId, int relevant, int retrieved, Map<String, Double> values) {
  public QueryScores {
    Objects.requireNonNull(queryId, "queryId");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
  }

  /** The value of one measure, or NaN when it was not computed. */
  public double value(Metric metric) {
    return values.getOrDefault(metric.label(), Double.NaN);
  }
}
