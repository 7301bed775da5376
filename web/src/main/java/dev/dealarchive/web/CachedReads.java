package dev.dealarchive.web;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Searches, facet counts and answers kept for reuse while the archive's {@link WebArchive#readVersion() read version}
 * stays the same: the index only changes when its searcher is refreshed, so a result read at one version is the
 * result at that version. Paging and sorting reuse the facets and timeline, the back button and a shared link reuse
 * everything. The least recently used entries go first; a new version drops them all. Articles, statistics and counts
 * are cheap and read every time. Thread-safe: two requests that miss together both compute, and one result is kept.
 */
final class CachedReads implements WebArchive {
  private record Key(String kind, Object request) {}

  /** Reuse figures since the server started. */
  record Stats(long hits, long misses) {}

  private final WebArchive archive;
  private final Map<Key, Object> entries;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private Object version;

  private CachedReads(WebArchive archive, int maxEntries) {
    this.archive = archive;
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** {@code archive} with up to {@code maxEntries} results kept; the archive itself when 0. */
  static WebArchive over(WebArchive archive, int maxEntries) {
    return maxEntries == 0 ? archive : new CachedReads(archive, maxEntries);
  }

  /** Reuse figures of {@code archive}, or none when it keeps nothing. */
  static Stats stats(WebArchive archive) {
    return archive instanceof CachedReads cached
        ? new Stats(cached.hits.sum(), cached.misses.sum())
        : new Stats(0, 0);
  }

  @FunctionalInterface
  private interface Read<T> {
    T read() throws IOException;
  }

  private <T> T cached(Key key, Class<T> type, Read<T> read) throws IOException {
    // Read the version first: whatever is read after it is at least that new, so it may be kept under it.
    Object now = archive.readVersion();
    if (now == null) {
      return read.read();
    }
    synchronized (this) {
      if (!now.equals(version)) {
        entries.clear();
        version = now;
      } else {
        Object kept = entries.get(key);
        if (kept != null) {
          hits.increment();
          return type.cast(kept);
        }
      }
    }
    misses.increment();
    T value = Objects.requireNonNull(read.read());
    synchronized (this) {
      if (now.equals(version)) {
        entries.put(key, value);
      }
    }
    return value;
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return cached(new Key("search", request), SearchResult.class, () -> archive.search(request));
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    return cached(new Key("ask", question + '\u0000' + limit), AskResult.class, () -> archive.ask(question, limit));
  }

  @Override
  public Facets facets(String query, int maxValues) throws IOException {
    return cached(new Key("facets", query + '\u0000' + maxValues), Facets.class, () -> archive.facets(query, maxValues));
  }

  @Override
  public Optional<Article> article(String id) throws IOException {
    return archive.article(id);
  }

  @Override
  public Map<String, Object> statsJson() throws IOException {
    return archive.statsJson();
  }

  @Override
  public long articleCount() throws IOException {
    return archive.articleCount();
  }

  @Override
  public Object readVersion() throws IOException {
    return archive.readVersion();
  }
}
