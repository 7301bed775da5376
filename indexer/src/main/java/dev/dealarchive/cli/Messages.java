package dev.dealarchive.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.apache.lucene.store.AlreadyClosedException;

/** One-line messages for failures, never a stack trace. */
final class Messages {
  private Messages() {}

  static String describe(Throwable e) {
    Throwable tragic = tragedy(e);
    if (tragic != null) {
      return describe(tragic);
    }
    if (e instanceof NoSuchFileException missing) {
      String reason = missing.getReason();
      return missing.getFile() + ": " + (reason == null ? "no such file or folder" : reason);
    }
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      // "No space left on device", "Read-only file system": the system's reason, with the file it concerns
      return (fileSystem.getFile() == null ? "" : fileSystem.getFile() + ": ") + fileSystem.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /**
   * The failure that closed Lucene's writer, when {@code e} only says that it is closed: after a disk fills up the
   * writer refuses all further work with "this IndexWriter is closed", which names neither the cause nor a remedy.
   */
  private static Throwable tragedy(Throwable e) {
    if (!(e instanceof AlreadyClosedException)) {
      return null;
    }
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (!(cause instanceof AlreadyClosedException)) {
        return cause;
      }
    }
    return null;
  }
}
