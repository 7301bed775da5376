package dev.dealarchive.bot;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each failure an id, logs its details under that id, and returns the id for the short apology users see, so
 * a report from Slack leads straight to the log entry. Stack traces go to the log only.
 */
public final class Incidents {
  private static final Logger LOG = LoggerFactory.getLogger(Incidents.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Incidents() {}

  /**
   * Logs a failure.
   *
   * @param what what the bot was doing, without user text or secrets
   * @return the error id, eight hex digits
   */
  public static String record(String what, Throwable failure) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    LOG.error("error {} while {}", id, what, failure);
    return id;
  }
}
