package dev.dealarchive.feedback;

/** A judgment of one answer. */
public enum Vote {
  /** The answer's article answered the question. */
  HELPFUL,
  /** It did not: a wrong passage, a missing synonym, a source that should not be there. */
  NOT_HELPFUL
}
