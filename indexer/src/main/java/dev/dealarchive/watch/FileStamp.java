package dev.dealarchive.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A file's size and modification time, compared to tell whether it is still being written.
 *
 * @param size size in bytes, or -1 when the file does not exist
 * @param modified modification time, or null when the file does not exist
 */
record FileStamp(long size, FileTime modified) {
  /** The stamp of a path that does not exist. */
  static final FileStamp MISSING = new FileStamp(-1, null);

  /** The current stamp of {@code path}; {@link #MISSING} when it is gone or unreadable. */
  static FileStamp of(Path path) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileStamp(attributes.size(), attributes.lastModifiedTime());
    } catch (NoSuchFileException e) {
      return MISSING;
    } catch (IOException e) {
      return MISSING;
    }
  }

  boolean missing() {
    return size < 0;
  }
}
