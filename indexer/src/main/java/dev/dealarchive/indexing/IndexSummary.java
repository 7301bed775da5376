package dev.dealarchive.indexing;

import java.util.List;

/**
 * What one indexing run did.
 *
 * @param added articles new to the index
 * @param updated articles whose content changed
 * @param deleted articles removed because their file (or record) went away
 * @param unchanged articles already current
 * @param duplicates articles not stored because the same story is stored under another id
 * @param duplicateReports one entry per duplicate: where it was and which stored article it repeats
 * @param skipped inputs or records not indexed, with reasons
 * @param warnings problems that did not stop an article from being indexed (an unparseable date, say)
 * @param tookNanos wall time of the run
 * @param skippedAsBefore records or files skipped again because their unchanged content was skipped by an earlier
 *     run, which listed them; not in {@code skipped} and not a reason for exit status 2
 */
public record IndexSummary(
    long added,
    long updated,
    long deleted,
    long unchanged,
    long duplicates,
    List<Skip> duplicateReports,
    List<Skip> skipped,
    List<Skip> warnings,
    long tookNanos,
    long skippedAsBefore) {
  public IndexSummary {
    duplicateReports = List.copyOf(duplicateReports);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** A summary without skips carried over from earlier runs. */
  public IndexSummary(long added, long updated, long deleted, long unchanged, long duplicates,
      List<Skip> duplicateReports, List<Skip> skipped, List<Skip> warnings, long tookNanos) {
    this(added, updated, deleted, unchanged, duplicates, duplicateReports, skipped, warnings, tookNanos, 0);
  }

  /** True when something in the index changed. */
  public boolean changedAnything() {
    return added + updated + deleted > 0;
  }
}
