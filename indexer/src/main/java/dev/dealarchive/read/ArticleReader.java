package dev.dealarchive.read;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads the articles of one input file. Implementations are stateless and thread-safe.
 *
 * <p>A reader reports every article it finds to the listener, and every problem with the line it occurred on. It
 * throws {@link InputProblem} only when the whole file is unusable (the caller then reports the file as skipped);
 * a problem with one record of a multi-article file is reported through {@link ReadListener#skipped} and reading
 * goes on.
 */
public interface ArticleReader {

  /** Short format name for messages, such as {@code "markdown"}. */
  String format();

  /**
   * Reads {@code file}.
   *
   * @throws InputProblem when the file as a whole cannot be read as this format
   * @throws IOException when the file cannot be read at all
   */
  void read(Path file, ReadOptions options, ReadListener listener) throws IOException;
}
