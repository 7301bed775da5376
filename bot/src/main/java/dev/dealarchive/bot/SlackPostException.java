package dev.dealarchive.bot;

/** A Web API call failed for good, after any retries; the message holds the method and Slack's error code. */
public final class SlackPostException extends Exception {
  private final String error;

  /**
   * @param method the Web API method, such as {@code chat.postMessage}
   * @param error Slack's error code ({@code channel_not_found}) or a short description of a transport failure
   */
  public SlackPostException(String method, String error, Throwable cause) {
    super(method + " failed: " + error, cause);
    this.error = error;
  }

  /** Slack's error code, such as {@code not_in_channel}. */
  public String error() {
    return error;
  }
}
