package dev.dealarchive.answer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The synonyms in force: the editable file when it exists (re-read when it changes, checked at most once a
 * second), else the shipped defaults. Thread-safe.
 */
public final class SynonymSource {
  private static final Logger LOG = LoggerFactory.getLogger(SynonymSource.class);

  private final Path file;
  private volatile Synonyms synonyms;
  private volatile FileTime loadedVersion;
  private volatile long checkedAtNanos;

  private SynonymSource(Path file) {
    this.file = file;
  }

  /** Synonyms from {@code file}, falling back to the shipped defaults while it does not exist. */
  public static SynonymSource of(Path file) {
    return new SynonymSource(file);
  }

  /** Fixed synonyms, for tests and embedders. */
  public static SynonymSource fixed(Synonyms synonyms) {
    SynonymSource source = new SynonymSource(null);
    source.synonyms = synonyms;
    return source;
  }

  /** The synonyms to use now. */
  public Synonyms current() {
    if (file == null) {
      return synonyms;
    }
    long now = System.nanoTime();
    if (synonyms != null && now - checkedAtNanos < 1_000_000_000L) {
      return synonyms;
    }
    synchronized (this) {
      checkedAtNanos = now;
      try {
        FileTime version = Files.getLastModifiedTime(file);
        if (synonyms == null || !version.equals(loadedVersion)) {
          synonyms = Synonyms.load(file);
          loadedVersion = version;
        }
      } catch (NoSuchFileException e) {
        if (synonyms == null || loadedVersion != null) {
          synonyms = Synonyms.defaults();
          loadedVersion = null;
        }
      } catch (IOException e) {
        LOG.warn("cannot read synonyms {} ({}); keeping the previous ones", file, e.getMessage());
        if (synonyms == null) {
          synonyms = Synonyms.defaults();
        }
      }
      return synonyms;
    }
  }
}
