package dev.dealarchive.indexing;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File names are bytes; Java maps them to text through the file-name encoding of the locale ({@code
 * sun.jnu.encoding}: ASCII under {@code LC_ALL=POSIX}, as cron and systemd run, UTF-8 under {@code C.UTF-8}). A name
 * whose bytes that encoding cannot decode comes back with U+FFFD in it and cannot be found again by its text, so it is
 * skipped with a reason instead of being indexed under a name that does not round-trip.
 */
public final class FileNames {
  private static final Charset ENCODING = encoding();

  private FileNames() {}

  /** Why {@code file}'s name cannot be indexed here, or empty when it round-trips. */
  static Optional<String> problem(Path file) {
    Path name = file.getFileName();
    String text = name == null ? "" : name.toString();
    if (text.indexOf('\uFFFD') < 0 && ENCODING.newEncoder().canEncode(text)) {
      return Optional.empty();
    }
    return Optional.of("file name is not valid " + ENCODING.name() + ", the file-name encoding of this locale; "
        + "rename the file, or run under a UTF-8 locale (LC_ALL=C.UTF-8)");
  }

  /**
   * The path a stored path names, or empty when it cannot be named here: a path recorded under another locale, whose
   * characters this locale's encoding cannot express.
   */
  public static Optional<Path> stored(String path) {
    try {
      return Optional.of(Path.of(path));
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** Whether a stored path is an undecodable name recorded before such names were skipped: no file has it. */
  static boolean isGarbled(String path) {
    return path.indexOf('\uFFFD') >= 0;
  }

  private static Charset encoding() {
    String name = System.getProperty("sun.jnu.encoding", System.getProperty("native.encoding", "UTF-8"));
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return Charset.defaultCharset();
    }
  }
}
