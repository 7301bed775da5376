package dev.dealarchive.generate;

/** An {@code ARCHIVE_LLM_*} variable is malformed or missing; the message names it and never holds the key. */
public final class LlmConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LlmConfigException(String message) {
    super(message);
  }
}
