package dev.dealarchive.fetch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What {@link ArticleAdder#add} did with one url.
 *
 * @param status what happened
 * @param url the url asked for
 * @param id the stored article's id, or null when nothing was stored
 * @param title the stored title, or null
 * @param source the stored source, or null
 * @param published the stored publication time, or null
 * @param failure the fetch failure, when {@code status} is {@link Status#REFUSED}, else null
 * @param reason why it failed or was not stored (a sentence for the user), or null when stored
 */
public record AddResult(
    Status status,
    String url,
    String id,
    String title,
    String source,
    Instant published,
    FetchFailure failure,
    String reason) {
  /** What happened to the url. */
  public enum Status {
    /** Stored as a new article. */
    ADDED,
    /** Stored, replacing an older version of the same article. */
    UPDATED,
    /** Already stored exactly so. */
    UNCHANGED,
    /** Extracted and queued for the running writer ({@code archive watch}), which stores it within seconds. */
    QUEUED,
    /** Not stored: the same story is stored under another id. */
    DUPLICATE,
    /** Not fetched or not readable: the url was refused, the fetch failed, or the page holds no article. */
    REFUSED,
    /** Fetched but the index could not be written (busy without a queue, or an I/O error). */
    FAILED
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

  /** True when the article is stored or will be within seconds. */
  public boolean ok() {
    return status == Status.ADDED || status == Status.UPDATED || status == Status.UNCHANGED || status == Status.QUEUED;
  }

  /** One line for a person: what was stored, or why nothing was. */
  public String message() {
    String what =
        "\"" + (title == null || title.isEmpty() ? "(untitled)" : title) + "\""
            + " (" + (source == null || source.isEmpty() ? "unknown source" : source)
            + ", " + (published == null ? "undated" : DAY.format(published)) + ")"
            + " as " + id;
    return switch (status) {
      case ADDED -> "Added " + what;
      case UPDATED -> "Updated " + what;
      case UNCHANGED -> "Already stored: " + what;
      case QUEUED -> "Queued " + what + "; searchable within seconds";
      case DUPLICATE -> "Not added: " + reason;
      case REFUSED, FAILED -> "Could not add " + url + ": " + reason;
    };
  }
}
