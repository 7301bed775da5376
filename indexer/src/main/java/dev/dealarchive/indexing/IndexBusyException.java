package dev.dealarchive.indexing;

import java.io.IOException;

/** Another process (or another writer in this one) is updating the index. */
public class IndexBusyException extends IOException {
  public IndexBusyException(String indexDir, Throwable cause) {
    super("index " + indexDir + " is being updated by another process; try again when it has finished", cause);
  }
}
