package dev.dealarchive.eval;

import java.io.IOException;
import java.nio.file.Path;

/** A topics, qrels or run file that cannot be used, with the file and the line where the problem was found. */
public final class EvalInputException extends IOException {
  private final transient Path file;
  private final int line;
  private final String reason;

  /**
   * @param file the file being read
   * @param line 1-based line of the problem, or 0 when it concerns the whole file
   * @param reason what is wrong, in words a user understands
   */
  public EvalInputException(Path file, int line, String reason) {
    super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The 1-based line of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** What is wrong, without file and line. */
  public String reason() {
    return reason;
  }
}
