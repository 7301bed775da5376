package dev.dealarchive.indexing;

import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.InputProblem;
import dev.dealarchive.read.Readers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds what to read for one transaction and feeds it to the {@link ArticleStore}: walks inputs (files and folders,
 * by the {@link ArticleFiles} rule) or takes the paths a watcher reports, skips files whose size and modification time
 * (then content hash) are unchanged since the manifest recorded them, pulls the articles of every other file from an
 * {@link ArticleSource}, and removes the articles of files that are gone.
 */
final class InputScan {
  private final ArticleFiles files;
  private final FileManifest manifest;
  private final ArticleStore store;
  private final RunTally tally;
  private final IndexOptions options;
  private final IndexProgress progress;
  private final Set<String> walkedFolders = new LinkedHashSet<>();
  private final Set<String> seenFiles = new HashSet<>();

  InputScan(
      ArticleFiles files,
      FileManifest manifest,
      ArticleStore store,
      RunTally tally,
      IndexOptions options,
      IndexProgress progress) {
    this.files = files;
    this.manifest = manifest;
    this.store = store;
    this.tally = tally;
    this.options = options;
    this.progress = progress;
  }

  /**
   * Syncs the given inputs: first removes the articles of files gone from the input folders (so a file renamed since
   * the last run finds its old copy gone, not a duplicate), then reads every new or changed file. Each input is
   * recorded in the manifest.
   */
  void inputs(List<Path> inputs) throws IOException {
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        walkedFolders.add(input.toAbsolutePath().normalize().toString());
      }
    }
    deleteVanishedFiles();
    for (Path input : inputs) {
      input(input);
    }
  }

  /**
   * Syncs only the given paths, as a file watcher reports them: removals first (a file renamed within one call keeps
   * its articles), then every existing path in order.
   */
  void changes(Collection<Path> paths) throws IOException {
    List<Path> present = new ArrayList<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      if (Files.exists(absolute)) {
        present.add(absolute);
      } else {
        store.forget(absolute.toString());
      }
    }
    Collections.sort(present);
    for (Path path : present) {
      changed(path);
    }
  }

  private void input(Path input) throws IOException {
    if (!Files.exists(input)) {
      tally.skip(input.toString(), 0, "no such file or folder");
      return;
    }
    Path absolute = input.toAbsolutePath().normalize();
    if (!manifest.inputs().contains(absolute.toString())) {
      manifest.addInput(absolute.toString());
      tally.changedManifest = true;
    }
    if (Files.isDirectory(absolute)) {
      walkedFolders.add(absolute.toString());
      for (Path file : filesUnder(absolute)) {
        file(file, absolute, input.resolve(absolute.relativize(file)).toString());
      }
    } else if (!Files.isRegularFile(absolute)) {
      // Reading a named pipe would wait for a writer for ever, holding the index's write lock.
      tally.skip(input.toString(), 0, "not a regular file (a named pipe, device or socket)");
    } else if (files.readerFor(absolute).isEmpty()) {
      tally.skip(input.toString(), 0, "unsupported format (known: " + String.join(", ", Readers.extensions()) + ")");
    } else {
      file(absolute, absolute.getParent(), input.toString());
    }
  }

  private List<Path> filesUnder(Path folder) throws IOException {
    return files.under(folder, (file, e) -> tally.skip(file.toString(), 0, "cannot read: " + e.getMessage()));
  }

  /** Reads a changed file, or every file under a changed folder, found under a recorded input. */
  private void changed(Path path) throws IOException {
    Path root = null;
    for (String input : manifest.inputs()) {
      Path candidate = FileNames.stored(input).orElse(null);
      if (candidate != null && path.startsWith(candidate) && (root == null || candidate.getNameCount() > root.getNameCount())) {
        root = candidate;
      }
    }
    if (root == null) {
      tally.skip(path.toString(), 0, "not under an indexed folder");
      return;
    }
    Path folder = Files.isDirectory(root) ? root : root.getParent();
    if (Files.isDirectory(path)) {
      for (Path file : filesUnder(path)) {
        if (files.isArticleFile(folder, file)) {
          file(file, folder, file.toString());
        }
      }
      for (String known : manifest.pathsUnder(path.toString())) {
        if (isGone(known)) {
          store.deleteFileArticles(known);
        }
      }
    } else if (files.isArticleFile(folder, path)) {
      file(path, folder, path.toString());
    }
  }

  /** Removes the articles of files that were indexed from a walked folder and are gone now. */
  private void deleteVanishedFiles() throws IOException {
    for (String folder : walkedFolders) {
      for (String path : store.knownFilesUnder(folder)) {
        if (!seenFiles.contains(path) && isGone(path)) {
          store.deleteFileArticles(path);
        }
      }
    }
  }

  /**
   * Whether the file recorded as {@code path} is gone: it does not exist, or its name is one no file can have (an
   * undecodable name recorded before such names were skipped). A path this locale cannot express (recorded under
   * another one) is not judged gone: its articles stay.
   */
  private static boolean isGone(String path) {
    if (FileNames.isGarbled(path)) {
      return true;
    }
    return FileNames.stored(path).map(p -> !Files.exists(p)).orElse(false);
  }

  /** Reads one file when it is new or changed, and records it in the manifest when it was read without errors. */
  private void file(Path file, Path root, String shownName) throws IOException {
    String key = file.toString();
    if (!seenFiles.add(key)) {
      return;
    }
    Optional<String> badName = FileNames.problem(file);
    if (badName.isPresent()) {
      tally.skip(shownName, 0, badName.get());
      return;
    }
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    long size = attributes.size();
    long modified = attributes.lastModifiedTime().toMillis();
    FileManifest.Entry known = manifest.get(key);
    if (known != null && known.size() == size && known.modifiedMillis() == modified) {
      tally.unchanged += known.articles();
      tally.skippedAsBefore += known.skips();
      return;
    }
    progress.fileStarted(file, size);
    String hash;
    try {
      hash = hashOf(file);
    } catch (IOException e) {
      tally.skip(shownName, 0, "cannot read: " + e.getMessage());
      return;
    }
    if (known != null && known.hash().equals(hash)) {
      tally.unchanged += known.articles();
      tally.skippedAsBefore += known.skips();
      manifest.put(key, new FileManifest.Entry(size, modified, hash, known.articles(), known.skips()));
      tally.changedManifest = true;
      progress.fileFinished(file, size);
      return;
    }
    ArticleStore.Batch batch = store.batch(key, shownName, root.relativize(file));
    long skipsBefore = tally.skipCount();
    Outcome outcome = read(file, shownName, batch);
    if (outcome == Outcome.READ && !batch.hadErrors()) {
      batch.deleteArticlesNoLongerInInput();
      // Records skipped on the way (an empty article, say) are remembered too, for the "as before" count.
      manifest.put(key,
          new FileManifest.Entry(size, modified, hash, batch.stored(), tally.skipCount() - skipsBefore));
      tally.changedManifest = true;
    } else if (outcome != Outcome.CANNOT_READ) {
      // Skipped for its content: remembered with its hash, so while the file is unchanged later runs neither read it
      // nor report its skips again. It keeps the articles it had; a changed file is read again.
      long articles = outcome == Outcome.READ ? batch.stored() : known == null ? 0 : known.articles();
      manifest.put(key, new FileManifest.Entry(size, modified, hash, articles, tally.skipCount() - skipsBefore));
      tally.changedManifest = true;
    }
    progress.fileFinished(file, size);
  }

  /** How reading a file went. */
  private enum Outcome {
    /** Read to the end; some records may have been skipped. */
    READ,
    /** Skipped whole for its content (binary, malformed), which an unchanged file will not change. */
    BAD_CONTENT,
    /** Could not be read (permissions, I/O): tried again next run. */
    CANNOT_READ
  }

  /**
   * Pulls the articles of {@code file} into {@code batch}. A failure to read the file skips it (it keeps the articles
   * it had); a failure to store propagates and fails the transaction.
   */
  private Outcome read(Path file, String shownName, ArticleStore.Batch batch) throws IOException {
    ArticleReader reader = files.readerFor(file).orElseThrow();
    try (ArticleSource source = ArticleSource.reading(reader, file, options.read())) {
      while (true) {
        ReadEvent event;
        try {
          event = source.next();
        } catch (InputProblem problem) {
          tally.skip(shownName, problem.line(), problem.reason());
          return Outcome.BAD_CONTENT;
        } catch (IOException | UncheckedIOException e) {
          tally.skip(shownName, 0, "cannot read: " + e.getMessage());
          return Outcome.CANNOT_READ;
        } catch (RuntimeException e) {
          // A reader bug on odd input must not stop the run; the file keeps the articles it had.
          tally.skip(shownName, 0, "could not be read as " + reader.format() + ": " + e);
          return Outcome.BAD_CONTENT;
        }
        if (event == null) {
          return Outcome.READ;
        }
        batch.accept(event);
      }
    }
  }

  /** The first 128 bits of the file's SHA-256, in hex. */
  static String hashOf(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest(), 0, 16);
  }
}
