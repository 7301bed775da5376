package dev.dealarchive.bench;

/**
 * One target of issue #6 checked against the figures of a run.
 *
 * @param key stable name in the JSON output
 * @param description the target in words
 * @param value the measured value (a ratio or an absolute figure), or null when not measured
 * @param limit the limit the value is held to
 * @param atMost whether the value must be at most the limit (else at least)
 * @param unit unit of value and limit
 */
public record TargetCheck(String key, String description, Double value, double limit, boolean atMost, String unit) {
  /** True when met, false when missed, null when not measured. */
  public Boolean met() {
    if (value == null) {
      return null;
    }
    return atMost ? value <= limit : value >= limit;
  }
}
