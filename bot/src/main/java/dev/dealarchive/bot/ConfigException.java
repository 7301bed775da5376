package dev.dealarchive.bot;

/**
 * A configuration variable is missing or malformed. The message names the variable and what is wrong with it, and
 * never contains the variable's value (it may be a secret).
 */
public final class ConfigException extends IllegalArgumentException {
  private final String variable;

  /**
   * @param variable the name of the environment variable at fault
   * @param problem what is wrong, without the value
   */
  public ConfigException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  /** The name of the environment variable at fault. */
  public String variable() {
    return variable;
  }
}
