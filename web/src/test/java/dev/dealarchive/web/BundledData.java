package dev.dealarchive.web;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's bundled {@code data/} folder from the module's working directory. */
final class BundledData {
  private BundledData() {}

  static Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("data");
      if (Files.isRegularFile(data.resolve("microsoft-openai-2026-04-28.md"))) {
        return data;
      }
    }
    throw new IllegalStateException("bundled data/ not found above " + Path.of("").toAbsolutePath());
  }
}
