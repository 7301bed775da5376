package dev.dealarchive.watch;

import dev.dealarchive.indexing.IndexSummary;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What one batch of the watcher did, for its one-line status.
 *
 * @param at when the batch was committed (or failed)
 * @param what what the batch was: {@code startup}, {@code files}, {@code feed URL} or {@code added pages}
 * @param added articles added
 * @param updated articles updated
 * @param deleted articles deleted
 * @param skipped inputs skipped
 * @param paths changed paths in a files batch, else 0
 * @param tookMillis wall time of the batch
 * @param error why the batch failed (nothing of it was committed), or null
 */
public record BatchReport(
    Instant at, String what, long added, long updated, long deleted, long skipped, int paths, long tookMillis, String error) {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  static BatchReport of(String what, IndexSummary summary, int paths) {
    return new BatchReport(
        Instant.now(),
        what,
        summary.added(),
        summary.updated(),
        summary.deleted(),
        summary.skipped().size(),
        paths,
        summary.tookNanos() / 1_000_000,
        null);
  }

  static BatchReport failed(String what, String error, int paths) {
    return new BatchReport(Instant.now(), what, 0, 0, 0, 0, paths, 0, error);
  }

  /** True when the batch failed. */
  public boolean failed() {
    return error != null;
  }

  /** The status line, e.g. {@code 14:02:11 files (2 changed): 1 added, 0 updated, 1 deleted in 38 ms}. */
  public String line() {
    String time = LocalTime.ofInstant(at, ZoneId.systemDefault()).format(TIME);
    String subject = paths > 0 ? what + " (" + paths + " changed)" : what;
    if (error != null) {
      return time + " " + subject + ": failed, nothing committed: " + error;
    }
    return String.format(
        Locale.ROOT,
        "%s %s: %d added, %d updated, %d deleted%s in %d ms",
        time,
        subject,
        added,
        updated,
        deleted,
        skipped > 0 ? ", " + skipped + " skipped" : "",
        tookMillis);
  }
}
