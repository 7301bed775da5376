package dev.dealarchive.indexing;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What was indexed from each input file (size, modification time, content hash, article count), kept beside the
 * index so a re-run reads only new or changed files.
 *
 * <p>The manifest is written after the index commit, never before: a crash in between leaves a manifest that is
 * older than the index, which only costs a re-read (hashes confirm the articles are current), never an article.
 */
public final class FileManifest {
  /** File name of the manifest inside the index directory. */
  public static final String FILE_NAME = "archive-files.json";

  private static final Logger LOG = LoggerFactory.getLogger(FileManifest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What is known about one file.
   *
   * @param size size in bytes when last indexed
   * @param modifiedMillis modification time when last indexed
   * @param hash content hash when last indexed
   * @param articles articles stored from it
   * @param skips records or whole files skipped for their content when it was last read: an unchanged file is not
   *     read again, and its skips are counted as "skipped as before" instead of being reported again
   */
  public record Entry(long size, long modifiedMillis, String hash, long articles, long skips) {
    /** Manifests written before {@code skips} existed read it as 0. */
    @JsonCreator
    public Entry {}

    /** An entry for a file read without problems. */
    public Entry(long size, long modifiedMillis, String hash, long articles) {
      this(size, modifiedMillis, hash, articles, 0);
    }
  }

  /** The serialized form: the inputs the index is built from, and the files read from them. */
  record Stored(List<String> inputs, Map<String, Entry> files) {}

  private final Map<String, Entry> entries;
  private final List<String> inputs;

  private FileManifest(List<String> inputs, Map<String, Entry> entries) {
    this.inputs = new ArrayList<>(inputs);
    this.entries = entries;
  }

  /** An empty manifest, as for a new index. */
  public static FileManifest empty() {
    return new FileManifest(List.of(), new TreeMap<>());
  }

  /** Loads the manifest of an index; a missing or unreadable one is treated as empty (every file is re-read). */
  public static FileManifest load(Path indexDir) {
    Path file = indexDir.resolve(FILE_NAME);
    try {
      Stored stored = JSON.readValue(file.toFile(), Stored.class);
      return new FileManifest(
          stored.inputs() == null ? List.of() : stored.inputs(),
          stored.files() == null ? new TreeMap<>() : new TreeMap<>(stored.files()));
    } catch (NoSuchFileException e) {
      return empty();
    } catch (IOException e) {
      if (Files.exists(file)) {
        LOG.warn("ignoring unreadable file manifest {} ({}); every input will be re-read", file, e.getMessage());
      }
      return empty();
    }
  }

  /** Writes the manifest atomically (temporary file, then rename). */
  public void save(Path indexDir) throws IOException {
    Path target = indexDir.resolve(FILE_NAME);
    Path temp = indexDir.resolve(FILE_NAME + ".tmp");
    JSON.writeValue(temp.toFile(), new Stored(inputs, entries));
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The inputs (files and folders, absolute) that runs were given, in the order first given. */
  public List<String> inputs() {
    return List.copyOf(inputs);
  }

  /** Records an input so that a later run without inputs re-syncs it. */
  public void addInput(String input) {
    if (!inputs.contains(input)) {
      inputs.add(input);
    }
  }

  /**
   * Forgets an input and every recorded input under it (for a folder), so later runs without inputs no longer re-sync
   * them.
   *
   * @return whether anything was recorded
   */
  public boolean removeInput(String input) {
    String prefix = input.endsWith(File.separator) ? input : input + File.separator;
    return inputs.removeIf(recorded -> recorded.equals(input) || recorded.startsWith(prefix));
  }

  public Entry get(String path) {
    return entries.get(path);
  }

  public void put(String path, Entry entry) {
    entries.put(path, entry);
  }

  public void remove(String path) {
    entries.remove(path);
  }

  /** Known paths under a folder (its own path followed by the separator), sorted. */
  public List<String> pathsUnder(String folder) {
    String prefix = folder.endsWith(File.separator) ? folder : folder + File.separator;
    return entries.keySet().stream().filter(p -> p.startsWith(prefix)).toList();
  }
}
