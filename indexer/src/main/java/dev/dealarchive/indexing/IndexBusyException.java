package dev.dealarchive.indexing;

import java.io.IOException;

/** Another process (or another writer in this one) is updating the index. */
public class IndexBusyException extends IOException {
  public IndexBusyException(String indexDir, Throwable cause) {
    this(indexDir, null, cause);
  }

  /**
   * @param holder who holds the lock ({@code archive watch, pid 1234}), or null when unknown
   */
  public IndexBusyException(String indexDir, String holder, Throwable cause) {
    super("index \"" + indexDir + "\" is being updated by another process"
        + (holder == null ? "" : " (" + holder + ")") + "; try again when it has finished", cause);
  }
}
