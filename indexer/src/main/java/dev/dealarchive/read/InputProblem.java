package dev.dealarchive.read;

import java.io.IOException;

/** A whole input file cannot be used: empty, binary, oversized, not UTF-8 or not of its format. */
public class InputProblem extends IOException {
  private final int line;

  /**
   * @param line 1-based line where the problem was found, or 0 when it concerns the whole file
   * @param reason why, in words a user understands
   */
  public InputProblem(int line, String reason) {
    super(reason);
    this.line = line;
  }

  public InputProblem(int line, String reason, Throwable cause) {
    super(reason, cause);
    this.line = line;
  }

  /** 1-based line, or 0. */
  public int line() {
    return line;
  }

  /** The reason without the line. */
  public String reason() {
    return getMessage();
  }
}
