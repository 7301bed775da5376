package dev.dealarchive.fetch;

import java.io.IOException;

/** A fetch was refused or failed for a specific {@link FetchFailure reason}. */
public final class FetchException extends IOException {
  private final FetchFailure reason;

  /**
   * @param reason the kind of failure
   * @param detail what exactly happened, for the message (the url, the status, the size)
   */
  public FetchException(FetchFailure reason, String detail) {
    this(reason, detail, null);
  }

  /**
   * @param reason the kind of failure
   * @param detail what exactly happened, for the message
   * @param cause the underlying exception, or null
   */
  public FetchException(FetchFailure reason, String detail, Throwable cause) {
    super(reason.description() + (detail == null || detail.isBlank() ? "" : ": " + detail), cause);
    this.reason = reason;
  }

  /** The kind of failure. */
  public FetchFailure reason() {
    return reason;
  }
}
