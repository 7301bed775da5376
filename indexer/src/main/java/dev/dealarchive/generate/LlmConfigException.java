package dev.dealarchive.generate;

/** An {@code ARCHIVE_LLM_*} variable is malformed or missing; the message names it and never holds the key. */
public final class LlmConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String variable;

  /**
   * @param variable the variable at fault
   * @param problem what is wrong with it, without its value
   */
  public LlmConfigException(String variable, String problem) {
    super(variable + " " + problem);
    this.variable = variable;
  }

  /** The variable at fault. */
  public String variable() {
    return variable;
  }

  /** What is wrong with it. */
  public String problem() {
    return getMessage().substring(variable.length() + 1);
  }
}
