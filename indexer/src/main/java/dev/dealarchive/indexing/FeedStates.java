package dev.dealarchive.indexing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The state of every polled feed, kept in a small JSON file in the index folder and written atomically (temporary
 * file, then rename). The watcher saves it only after the commit holding a poll's entries, so a crash in between
 * costs a re-fetch, never an entry. Thread-safe.
 */
public final class FeedStates {
  /** File name inside the index folder. */
  public static final String FILE_NAME = "archive-feeds.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path indexDir;
  private final Map<String, FeedState> states;

  private FeedStates(Path indexDir, Map<String, FeedState> states) {
    this.indexDir = indexDir;
    this.states = states;
  }

  /** Loads the feed states of an index; none when the file is missing or unreadable. */
  public static FeedStates load(Path indexDir) {
    Map<String, FeedState> states = new TreeMap<>();
    try {
      FeedState[] stored = JSON.readValue(indexDir.resolve(FILE_NAME).toFile(), FeedState[].class);
      for (FeedState state : stored) {
        states.put(state.url(), state);
      }
    } catch (NoSuchFileException e) {
      // no feeds polled yet
    } catch (IOException e) {
      // unreadable: start afresh; the cost is one unconditional fetch per feed
    }
    return new FeedStates(indexDir, states);
  }

  /** The state of {@code url}; an unpolled state when unknown. */
  public synchronized FeedState get(String url) {
    return states.getOrDefault(url, FeedState.unpolled(url));
  }

  /** Every known feed, by url. */
  public synchronized List<FeedState> all() {
    return new ArrayList<>(states.values());
  }

  /** Changes the state of {@code url} and saves the file. */
  public synchronized void update(String url, UnaryOperator<FeedState> change) throws IOException {
    states.put(url, change.apply(get(url)));
    save();
  }

  /**
   * Forgets the feed at {@code url} and saves the file.
   *
   * @return whether it was known
   */
  public synchronized boolean remove(String url) throws IOException {
    if (states.remove(url) == null) {
      return false;
    }
    save();
    return true;
  }

  private void save() throws IOException {
    Files.createDirectories(indexDir);
    Path target = indexDir.resolve(FILE_NAME);
    Path temp = indexDir.resolve(FILE_NAME + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), states.values());
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
