package dev.dealarchive.fetch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Articles added while another process holds the index's write lock, queued as small JSON files in the index folder
 * ({@value #FOLDER}) until the writer ({@code archive watch}) stores them. A file is written atomically and deleted
 * only after the commit that stored its article, so a crash of either side loses nothing.
 */
public final class PendingAdds {
  /** Folder inside the index directory that holds the queue. */
  public static final String FOLDER = "pending-adds";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One queued article.
   *
   * @param file the queue file
   * @param origin the origin to store it under (the url the user gave)
   * @param draft the extracted article
   */
  public record Pending(Path file, String origin, ArticleDraft draft) {}

  /** The serialized form. */
  record Stored(
      String origin,
      String id,
      String title,
      String body,
      String published,
      String source,
      String url,
      List<String> authors,
      List<String> tags) {}

  private PendingAdds() {}

  /** Queues an article for the writer of the index in {@code indexDir}; returns the queue file. */
  public static Path enqueue(Path indexDir, String origin, ArticleDraft draft) throws IOException {
    Path folder = Files.createDirectories(indexDir.resolve(FOLDER));
    String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
    Path temp = folder.resolve("." + name + ".tmp");
    Path target = folder.resolve(name + ".json");
    Stored stored =
        new Stored(
            origin,
            draft.explicitId(),
            draft.title(),
            draft.body(),
            draft.published() == null ? null : draft.published().toString(),
            draft.source(),
            draft.url(),
            draft.authors(),
            draft.tags());
    JSON.writeValue(temp.toFile(), stored);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /**
   * The queued articles, oldest first. Unreadable queue files are returned with a null draft so the caller can
   * report and remove them.
   */
  public static List<Pending> list(Path indexDir) throws IOException {
    Path folder = indexDir.resolve(FOLDER);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "*.json")) {
      stream.forEach(files::add);
    }
    files.sort(null);
    List<Pending> pending = new ArrayList<>(files.size());
    for (Path file : files) {
      try {
        Stored s = JSON.readValue(file.toFile(), Stored.class);
        ArticleDraft draft =
            new ArticleDraft(
                s.id(),
                s.title(),
                s.body(),
                s.published() == null ? null : Instant.parse(s.published()),
                s.source(),
                s.url(),
                s.authors(),
                s.tags(),
                0);
        pending.add(new Pending(file, s.origin(), draft));
      } catch (IOException | RuntimeException e) {
        pending.add(new Pending(file, null, null));
      }
    }
    return pending;
  }

  /**
   * Stores every queued article through {@code store} (which commits) and removes each queue file after its commit;
   * unreadable queue files are removed.
   *
   * @return the summary of each stored article, oldest first
   */
  public static List<IndexSummary> drain(Path indexDir, ArticleAdder.Store store) throws IOException {
    List<IndexSummary> summaries = new ArrayList<>();
    for (Pending pending : list(indexDir)) {
      if (pending.draft() != null) {
        summaries.add(store.store(pending.origin(), List.of(pending.draft())));
      }
      remove(pending);
    }
    return summaries;
  }

  /** Removes a queue file once its article is committed (or found unreadable). */
  public static void remove(Pending pending) throws IOException {
    Files.deleteIfExists(pending.file());
  }
}
