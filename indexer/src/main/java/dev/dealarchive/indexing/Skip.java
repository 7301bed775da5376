package dev.dealarchive.indexing;

/**
 * An input, or one record of it, that was not indexed.
 *
 * @param file the file (or url) as the user named it
 * @param line 1-based line, or 0 when the whole input is meant
 * @param reason why
 */
public record Skip(String file, int line, String reason) {
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }
}
