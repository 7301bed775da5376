package dev.dealarchive.indexing;

import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.Readers;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one rule for which files under an input folder are articles, used by {@code archive index}, by the watcher's
 * changed paths and by the folder watcher: a file a reader exists for (by extension), not hidden, not a {@code
 * README.*} (a folder's README describes the folder), not inside a hidden folder below the input, and not inside the
 * index folder.
 */
public final class ArticleFiles {
  private final Path indexDir;
  private final Function<Path, Optional<ArticleReader>> readers;

  /**
   * @param indexDir the index folder, never read as input; null when there is none to exclude
   * @param readers the reader for a file, by its name
   */
  public ArticleFiles(Path indexDir, Function<Path, Optional<ArticleReader>> readers) {
    this.indexDir = indexDir == null ? null : indexDir.toAbsolutePath().normalize();
    this.readers = readers;
  }

  /** The rule with the standard readers. */
  public static ArticleFiles standard(Path indexDir) {
    return new ArticleFiles(indexDir, Readers::forFile);
  }

  /** The reader for {@code file}, if its format is known. */
  public Optional<ArticleReader> readerFor(Path file) {
    return readers.apply(file);
  }

  /** True when the file's name alone allows an article: not hidden, not a README, a known format. */
  public boolean hasArticleName(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith(".")
        && !name.toLowerCase(Locale.ROOT).startsWith("readme.")
        && readers.apply(file).isPresent();
  }

  /** True for a folder whose files are never articles: a hidden folder below {@code root}, or the index folder. */
  public boolean isSkippedFolder(Path root, Path dir) {
    boolean hidden = !dir.equals(root) && dir.getFileName() != null && dir.getFileName().toString().startsWith(".");
    return hidden || dir.toAbsolutePath().normalize().equals(indexDir);
  }

  /** True for an existing regular file under {@code root} that is an article file by the rule above. */
  public boolean isArticleFile(Path root, Path file) {
    if ((indexDir != null && file.startsWith(indexDir)) || !Files.isRegularFile(file)) {
      return false;
    }
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return false;
      }
    }
    return hasArticleName(file);
  }

  /**
   * The article files under {@code folder}, sorted; symbolic links are not followed.
   *
   * @param unreadable told about each file or folder that could not be visited, and about each symbolic link with an
   *     article's name whose target is missing
   */
  public List<Path> under(Path folder, BiConsumer<Path, IOException> unreadable) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return isSkippedFolder(folder, dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && hasArticleName(file)) {
              files.add(file);
            } else if (attrs.isSymbolicLink() && !Files.exists(file) && hasArticleName(file)) {
              unreadable.accept(file, new NoSuchFileException(file.toString(), null,
                  "dangling symbolic link (its target does not exist)"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            unreadable.accept(file, e);
            return FileVisitResult.CONTINUE;
          }
        });
    Collections.sort(files);
    return files;
  }
}
