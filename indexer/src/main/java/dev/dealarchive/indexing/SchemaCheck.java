package dev.dealarchive.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * Refuses indexes written with a schema version this code cannot read, which must be rebuilt rather than mixed. The
 * current schema is read, and so is the one before it ({@link SchemaUpgrade}), which the first writer rewrites.
 */
public final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * Throws when the index in {@code directory} has commits written with a schema version this code does not read (the
   * current one, or one {@link SchemaUpgrade} rewrites). An empty directory passes.
   */
  public static void require(Directory directory, Path indexDir) throws IOException {
    String version = version(directory);
    if (version != null && !SchemaUpgrade.readable().contains(version)) {
      throw new IOException(
          "the index at "
              + indexDir
              + " was built by another version of the archive (schema "
              + version
              + ", this version reads "
              + String.join(" and ", new TreeSet<>(SchemaUpgrade.readable()))
              + "); rebuild it with: archive index --full --index "
              + indexDir);
    }
  }

  /**
   * The schema version of the last commit in {@code directory}: null when there is no index or its commit records no
   * data (an empty index), "1" for an index written before versions were recorded.
   */
  static String version(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return null;
    }
    Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
    if (userData.isEmpty()) {
      return null;
    }
    return userData.getOrDefault(ArchiveFields.SCHEMA_KEY, "1");
  }
}
