package dev.dealarchive.channels;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The followed queries, digests and scopes of every channel, in {@value #FILE_NAME} in the index folder. Every change
 * is written to a temporary file, forced to disk and renamed over the old one, so a crash leaves the old settings or
 * the new ones, never half a file. Changes are idempotent where a retried request could repeat them: following a
 * query the channel already follows returns the existing follow. Thread-safe within one process; one bot writes it.
 */
public final class ChannelSettings {
  /** File name inside the index folder. */
  public static final String FILE_NAME = "channel-settings.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The file's content. */
  record Stored(List<Follow> follows, List<Digest> digests, List<Scope> scopes) {
    Stored {
      follows = follows == null ? List.of() : List.copyOf(follows);
      digests = digests == null ? List.of() : List.copyOf(digests);
      scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }
  }

  private final Path file;
  private Stored stored;

  private ChannelSettings(Path file, Stored stored) {
    this.file = file;
    this.stored = stored;
  }

  /**
   * Loads the settings of the index in {@code indexDir}; none when the file does not exist yet.
   *
   * @throws IOException when the file exists but cannot be read or is not valid (naming the file), so a damaged file
   *     is never silently replaced by empty settings
   */
  public static ChannelSettings load(Path indexDir) throws IOException {
    Path file = indexDir.resolve(FILE_NAME);
    try {
      return new ChannelSettings(file, JSON.readValue(Files.readAllBytes(file), Stored.class));
    } catch (NoSuchFileException e) {
      return new ChannelSettings(file, new Stored(List.of(), List.of(), List.of()));
    } catch (IOException e) {
      throw new IOException(file + " is not readable channel settings: " + e.getMessage(), e);
    }
  }

  /** Every followed query, by channel and number. */
  public synchronized List<Follow> follows() {
    return stored.follows();
  }

  /** The followed queries of {@code channel}, by number. */
  public synchronized List<Follow> follows(String channel) {
    return stored.follows().stream().filter(f -> f.channel().equals(channel)).toList();
  }

  /** Every digest. */
  public synchronized List<Digest> digests() {
    return stored.digests();
  }

  /** The digest of {@code channel}, if it has one. */
  public synchronized Optional<Digest> digest(String channel) {
    return stored.digests().stream().filter(d -> d.channel().equals(channel)).findFirst();
  }

  /** Every scope. */
  public synchronized List<Scope> scopes() {
    return stored.scopes();
  }

  /** The scope of {@code channel}, if it has one. */
  public synchronized Optional<Scope> scope(String channel) {
    return stored.scopes().stream().filter(s -> s.channel().equals(channel)).findFirst();
  }

  /**
   * Follows {@code query} in {@code channel}, or returns the follow the channel already has for the same query (case
   * and spacing aside), so a retried command never follows twice.
   *
   * @return the follow and whether it is new
   */
  public synchronized Added follow(String channel, String query, String user, Instant now) throws IOException {
    String key = normalized(query);
    for (Follow existing : follows(channel)) {
      if (normalized(existing.query()).equals(key)) {
        return new Added(existing, false);
      }
    }
    int number = follows(channel).stream().mapToInt(Follow::number).max().orElse(0) + 1;
    Follow follow = new Follow(channel, number, query.strip(), user, now.toString());
    List<Follow> follows = new ArrayList<>(stored.follows());
    follows.add(follow);
    follows.sort(Comparator.comparing(Follow::channel).thenComparingInt(Follow::number));
    save(new Stored(follows, stored.digests(), stored.scopes()));
    return new Added(follow, true);
  }

  /**
   * A follow and whether this call created it.
   *
   * @param follow the follow
   * @param created false when the channel already followed the query
   */
  public record Added(Follow follow, boolean created) {}

  /** Stops following number {@code number} in {@code channel}; the removed follow, or empty when there was none. */
  public synchronized Optional<Follow> unfollow(String channel, int number) throws IOException {
    Optional<Follow> found =
        stored.follows().stream().filter(f -> f.channel().equals(channel) && f.number() == number).findFirst();
    if (found.isPresent()) {
      List<Follow> follows = new ArrayList<>(stored.follows());
      follows.remove(found.get());
      save(new Stored(follows, stored.digests(), stored.scopes()));
    }
    return found;
  }

  /** Sets (or replaces) the digest of its channel. */
  public synchronized void setDigest(Digest digest) throws IOException {
    List<Digest> digests = new ArrayList<>(stored.digests());
    digests.removeIf(d -> d.channel().equals(digest.channel()));
    digests.add(digest);
    digests.sort(Comparator.comparing(Digest::channel));
    save(new Stored(stored.follows(), digests, stored.scopes()));
  }

  /** Records that {@code channel}'s digest was posted up to {@code sent}, unless the digest was turned off since. */
  public synchronized void digestSent(String channel, String sent) throws IOException {
    Optional<Digest> digest = digest(channel);
    if (digest.isPresent()) {
      setDigest(digest.get().sentUntil(sent));
    }
  }

  /** Turns off the digest of {@code channel}; whether there was one. */
  public synchronized boolean removeDigest(String channel) throws IOException {
    List<Digest> digests = new ArrayList<>(stored.digests());
    boolean removed = digests.removeIf(d -> d.channel().equals(channel));
    if (removed) {
      save(new Stored(stored.follows(), digests, stored.scopes()));
    }
    return removed;
  }

  /** Sets (or replaces) the scope of its channel. */
  public synchronized void setScope(Scope scope) throws IOException {
    List<Scope> scopes = new ArrayList<>(stored.scopes());
    scopes.removeIf(s -> s.channel().equals(scope.channel()));
    scopes.add(scope);
    scopes.sort(Comparator.comparing(Scope::channel));
    save(new Stored(stored.follows(), stored.digests(), scopes));
  }

  /** Removes the scope of {@code channel}; whether there was one. */
  public synchronized boolean clearScope(String channel) throws IOException {
    List<Scope> scopes = new ArrayList<>(stored.scopes());
    boolean removed = scopes.removeIf(s -> s.channel().equals(channel));
    if (removed) {
      save(new Stored(stored.follows(), stored.digests(), scopes));
    }
    return removed;
  }

  private void save(Stored next) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(FILE_NAME + ".tmp");
    Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(next));
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    stored = next;
  }

  private static String normalized(String query) {
    return Objects.requireNonNullElse(query, "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
