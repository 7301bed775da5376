package dev.dealarchive.opensearch;

import java.io.IOException;

/** A request the cluster refused or did not answer, with the cluster's reason. */
public class ClusterException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public ClusterException(String message, int status) {
    super(message);
    this.status = status;
  }

  public ClusterException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or 0 when the cluster did not answer. */
  public int status() {
    return status;
  }
}
