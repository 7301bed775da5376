package dev.dealarchive.indexing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/** Refuses indexes written with another schema version, which must be rebuilt rather than mixed. */
public final class SchemaCheck {
  private SchemaCheck() {}

  /**
   * Throws when the index in {@code directory} has commits written with another schema version. An empty
   * directory passes.
   */
  public static void require(Directory directory, Path indexDir) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return;
    }
    Map<String, String> userData = SegmentInfos.readLatestCommit(directory).getUserData();
    if (userData.isEmpty()) {
      return;
    }
    String version = userData.get(ArchiveFields.SCHEMA_KEY);
    if (!ArchiveFields.SCHEMA_VERSION.equals(version)) {
      throw new IOException(
          "the index at "
              + indexDir
              + " was built by another version of the archive (schema "
              + (version == null ? "1" : version)
              + ", this version reads "
              + ArchiveFields.SCHEMA_VERSION
              + "); rebuild it with: archive index --full --index "
              + indexDir);
    }
  }
}
