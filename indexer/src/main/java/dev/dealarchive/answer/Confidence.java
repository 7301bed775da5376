package dev.dealarchive.answer;

import java.util.Locale;

/** How sure the archive is that a passage answers a question; decides how the passage is shown. */
public enum Confidence {
  /** The passage answers: shown as the answer. */
  STRONG,
  /** The passage is on the question's subject but may not answer it: shown labelled "Closest match:". */
  CLOSEST,
  /** Even the closest passage is unrelated: nothing is shown as an answer. */
  NONE;

  /** The label in JSON output: {@code strong}, {@code closest} or {@code none}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
