package dev.dealarchive.generate;

/** The model gave no usable reply; the message says why in words a user can act on, never holding the key. */
public final class LlmException extends Exception {
  private static final long serialVersionUID = 1L;

  public LlmException(String message) {
    super(message);
  }
}
