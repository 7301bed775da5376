package dev.dealarchive.indexing;

import java.util.ArrayList;
import java.util.List;

/** The named counters and reports of one indexing transaction, which become its {@link IndexSummary}. */
final class RunTally {
  /** Reports kept per kind; the counters go on counting past it. */
  private static final int MAX_REPORTED = 10_000;

  long added;
  long updated;
  long deleted;
  long unchanged;
  long duplicates;
  /** Skips of unchanged files, reported in full by an earlier run. */
  long skippedAsBefore;
  /** The bookkeeping (manifest) changed and must be saved after the commit. */
  boolean changedManifest;
  private final List<Skip> duplicateReports = new ArrayList<>();
  private final List<Skip> skipped = new ArrayList<>();
  private final List<Skip> warnings = new ArrayList<>();

  /** True when the index itself changed, so the transaction must commit. */
  boolean changedIndex() {
    return added + updated + deleted > 0;
  }

  /** How many skips were reported so far, to tell those of one file. */
  long skipCount() {
    return skipCount;
  }

  private long skipCount;

  void skip(String file, int line, String reason) {
    skipCount++;
    if (skipped.size() < MAX_REPORTED) {
      skipped.add(new Skip(file, line, reason));
    }
  }

  void warning(String file, int line, String message) {
    if (warnings.size() < MAX_REPORTED) {
      warnings.add(new Skip(file, line, message));
    }
  }

  /** Counts and reports a duplicate; returns the report so it can be withdrawn. */
  Skip duplicate(String file, int line, String reason) {
    duplicates++;
    Skip report = new Skip(file, line, reason);
    if (duplicateReports.size() < MAX_REPORTED) {
      duplicateReports.add(report);
    }
    return report;
  }

  /** Withdraws a duplicate report: the article was stored after all. */
  void withdraw(Skip duplicateReport) {
    duplicates--;
    duplicateReports.remove(duplicateReport);
  }

  IndexSummary summary(long tookNanos) {
    return new IndexSummary(
        added, updated, deleted, unchanged, duplicates, duplicateReports, skipped, warnings, tookNanos,
        skippedAsBefore);
  }
}
