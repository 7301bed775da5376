package dev.dealarchive.bot;

import java.nio.file.NoSuchFileException;

/** What users see when answering failed: a plain explanation for a missing index, else an apology with an error id. */
final class FailureReplies {
  private FailureReplies() {}

  /**
   * @param what what the bot was doing, for the log
   */
  static Reply of(ReplyRenderer renderer, String what, Exception failure) {
    if (failure instanceof NoSuchFileException) {
      // Not a fault: nobody has indexed anything yet. The bot opens the index as soon as one appears.
      return renderer.notice("The archive has no index yet. Build one with `archive index <files or folders>`; "
          + "I will answer from it as soon as it exists.");
    }
    return renderer.apology(Incidents.record(what, failure));
  }
}
