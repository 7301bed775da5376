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
    long tookNanos) {
  public IndexSummary {
    duplicateReports = List.copyOf(duplicateReports);
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /** True when something in the index changed. */
  public boolean changedAnything() {
    return added + updated + deleted > 0;
  }
}
