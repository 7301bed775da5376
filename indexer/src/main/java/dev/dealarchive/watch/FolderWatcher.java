package dev.dealarchive.watch;

import dev.dealarchive.indexing.ArticleFiles;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Watches folders (recursively) and reports files that changed, appeared or vanished once they have settled: a path
 * is reported only after its size and modification time stayed the same for the quiet period, so a file still being
 * written is never reported half-way. File-system events drive it; a periodic rescan compares every file with what
 * was last reported, catching missed events (queue overflow, network drives).
 *
 * <p>Only files that could be articles are tracked: a reader exists for the extension, and neither the file nor a
 * folder on its path is hidden. Not thread-safe: one thread calls {@link #awaitEvents} and {@link #takeSettled}.
 */
public final class FolderWatcher implements AutoCloseable {
  private final List<Path> roots;
  private final Path excluded;
  private final ArticleFiles articleFiles;
  private final long quietNanos;
  private final long rescanNanos;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private final Set<Path> watchedFolders = new HashSet<>();
  /** Stamp of every tracked file as last reported (or found by the first scan). */
  private final Map<Path, FileStamp> reported = new HashMap<>();
  /** Paths changed and not yet settled, with their last stamp and when it was first seen. */
  private final Map<Path, Unsettled> unsettled = new LinkedHashMap<>();
  private long lastRescan;

  private record Unsettled(FileStamp stamp, long sinceNanos) {}

  /**
   * Starts watching: registers every folder under {@code roots} and records the files found as already reported.
   *
   * @param roots folders to watch
   * @param excluded a folder never watched (the index), or null
   * @param quietPeriod how long a file must stay unchanged before it is reported
   * @param rescanInterval how often every folder is walked to catch missed events
   */
  public FolderWatcher(List<Path> roots, Path excluded, Duration quietPeriod, Duration rescanInterval)
      throws IOException {
    this.roots = roots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    this.excluded = excluded == null ? null : excluded.toAbsolutePath().normalize();
    this.articleFiles = ArticleFiles.standard(this.excluded);
    this.quietNanos = quietPeriod.toNanos();
    this.rescanNanos = rescanInterval.toNanos();
    this.service = FileSystems.getDefault().newWatchService();
    try {
      for (Path root : this.roots) {
        reported.putAll(scan(root));
      }
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
    lastRescan = System.nanoTime();
  }

  /**
   * Waits up to {@code timeout} for file-system events and takes in every event available, without blocking further.
   *
   * @throws InterruptedException when interrupted while waiting
   */
  public void awaitEvents(Duration timeout) throws InterruptedException {
    WatchKey key;
    try {
      key = service.poll(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
      while (key != null) {
        handle(key);
        key = service.poll();
      }
    } catch (ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The paths that changed and have settled, at most {@code max}, oldest change first; they count as reported from
   * now on. Runs the periodic rescan when it is due.
   */
  public List<Path> takeSettled(int max) {
    long now = System.nanoTime();
    if (now - lastRescan >= rescanNanos) {
      rescan();
      lastRescan = now;
    }
    List<Path> settled = new ArrayList<>();
    Iterator<Map.Entry<Path, Unsettled>> entries = unsettled.entrySet().iterator();
    Map<Path, Unsettled> restamped = new HashMap<>();
    while (entries.hasNext() && settled.size() < max) {
      Map.Entry<Path, Unsettled> entry = entries.next();
      FileStamp current = FileStamp.of(entry.getKey());
      if (!current.equals(entry.getValue().stamp())) {
        restamped.put(entry.getKey(), new Unsettled(current, now));
      } else if (now - entry.getValue().sinceNanos() >= quietNanos) {
        entries.remove();
        settled.add(entry.getKey());
        if (current.missing()) {
          reported.remove(entry.getKey());
        } else {
          reported.put(entry.getKey(), current);
        }
      }
    }
    unsettled.putAll(restamped);
    return settled;
  }

  /** Puts paths back to be reported again once settled, after a batch that failed. */
  public void retry(Collection<Path> paths) {
    long now = System.nanoTime();
    for (Path path : paths) {
      reported.remove(path);
      unsettled.put(path, new Unsettled(FileStamp.of(path), now));
    }
  }

  /** Number of changed paths not yet settled. */
  public int unsettledCount() {
    return unsettled.size();
  }

  private void handle(WatchKey key) {
    Path folder = keys.get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW || folder == null) {
        lastRescan = Long.MIN_VALUE / 2; // rescan on the next call
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (Files.isDirectory(path)) {
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && !ignoredFolder(path)) {
          try {
            scan(path).keySet().forEach(this::changed);
          } catch (IOException e) {
            lastRescan = Long.MIN_VALUE / 2;
          }
        }
      } else if (tracked(path) || reported.containsKey(path)) {
        changed(path);
      } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
        // A folder went away (or was renamed): everything reported under it changed.
        List<Path> under = reported.keySet().stream().filter(known -> known.startsWith(path)).toList();
        under.forEach(this::changed);
      }
    }
    if (!key.reset()) {
      watchedFolders.remove(keys.remove(key));
    }
  }

  private void changed(Path path) {
    unsettled.put(path, new Unsettled(FileStamp.of(path), System.nanoTime()));
  }

  private void rescan() {
    Map<Path, FileStamp> found = new HashMap<>();
    for (Path root : roots) {
      try {
        found.putAll(scan(root));
      } catch (IOException e) {
        // The folder is gone or unreadable for now; its files are reported when it is back.
        return;
      }
    }
    for (Map.Entry<Path, FileStamp> file : found.entrySet()) {
      if (!file.getValue().equals(reported.get(file.getKey())) && !unsettled.containsKey(file.getKey())) {
        changed(file.getKey());
      }
    }
    for (Path known : List.copyOf(reported.keySet())) {
      if (!found.containsKey(known) && !unsettled.containsKey(known)) {
        changed(known);
      }
    }
  }

  /** Registers every folder under {@code folder} not yet watched, and returns the stamps of the files under it. */
  private Map<Path, FileStamp> scan(Path folder) throws IOException {
    Map<Path, FileStamp> files = new HashMap<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
            if (!dir.equals(folder) && ignoredFolder(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (watchedFolders.add(dir)) {
              keys.put(
                  dir.register(
                      service,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_DELETE,
                      StandardWatchEventKinds.ENTRY_MODIFY),
                  dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile() && tracked(file)) {
              files.put(file, new FileStamp(attrs.size(), attrs.lastModifiedTime()));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  /** True for a folder whose files are never articles (a hidden folder, the index), by the indexer's rule. */
  private boolean ignoredFolder(Path dir) {
    return articleFiles.isSkippedFolder(null, dir);
  }

  /** True for a path that could hold articles (a known extension, not hidden, not a README), by the indexer's rule. */
  private boolean tracked(Path file) {
    return articleFiles.hasArticleName(file);
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
