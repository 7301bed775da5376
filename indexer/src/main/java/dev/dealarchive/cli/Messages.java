package dev.dealarchive.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** One-line messages for failures, never a stack trace. */
final class Messages {
  private Messages() {}

  static String describe(Throwable e) {
    if (e instanceof NoSuchFileException missing) {
      String reason = missing.getReason();
      return missing.getFile() + ": " + (reason == null ? "no such file or folder" : reason);
    }
    if (e instanceof AccessDeniedException denied) {
      return denied.getFile() + ": permission denied";
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
