package dev.dealarchive.web;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.search.FacetedResult;
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
    // An access-ordered LinkedHashMap is the whole LRU, exact at the bound. Caffeine would evict by frequency
    // (W-TinyLFU, not the least recently used) and hold the bound only after its amortised clean-up, and the version
    // check below needs this lock around the map anyway.
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

  /** What is kept under {@code key} at version {@code now}, or null; counts a hit when there is one. */
  private synchronized Object kept(Object now, Key key) {
    if (!now.equals(version)) {
      entries.clear();
      version = now;
      return null;
    }
    Object kept = entries.get(key);
    if (kept != null) {
      hits.increment();
    }
    return kept;
  }

  private synchronized void keep(Object now, Key key, Object value) {
    if (now.equals(version)) {
      entries.put(key, value);
    }
  }

  private <T> T cached(Key key, Class<T> type, Read<T> read) throws IOException {
    // Read the version first: whatever is read after it is at least that new, so it may be kept under it.
    Object now = archive.readVersion();
    if (now == null) {
      return read.read();
    }
    Object kept = kept(now, key);
    if (kept != null) {
      return type.cast(kept);
    }
    misses.increment();
    T value = Objects.requireNonNull(read.read());
    keep(now, key, value);
    return value;
  }

  private static Key searchKey(SearchRequest request) {
    return new Key("search", request);
  }

  private static Key facetsKey(String query, int maxValues) {
    return new Key("facets", query + '\u0000' + maxValues);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    return cached(searchKey(request), SearchResult.class, () -> archive.search(request));
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    return cached(new Key("ask", question + '\u0000' + limit), AskResult.class, () -> archive.ask(question, limit));
  }

  @Override
  public Facets facets(String query, int maxValues) throws IOException {
    return cached(facetsKey(query, maxValues), Facets.class, () -> archive.facets(query, maxValues));
  }

  /**
   * Reuses the search and the facets each where kept; when neither is, reads both in one pass and keeps both, so a
   * later page or API search of the query reuses them as if read one by one.
   */
  @Override
  public FacetedResult searchWithFacets(SearchRequest request, int maxValues) throws IOException {
    Object now = archive.readVersion();
    if (now == null) {
      return archive.searchWithFacets(request, maxValues);
    }
    Key searchKey = searchKey(request);
    Key facetsKey = facetsKey(request.query(), maxValues);
    Object search = kept(now, searchKey);
    Object facets = kept(now, facetsKey);
    if (search != null || facets != null) {
      return new FacetedResult(
          search != null ? (SearchResult) search : search(request),
          facets != null ? (Facets) facets : facets(request.query(), maxValues));
    }
    misses.add(2);
    FacetedResult read = archive.searchWithFacets(request, maxValues);
    keep(now, searchKey, Objects.requireNonNull(read.result()));
    keep(now, facetsKey, Objects.requireNonNull(read.facets()));
    return read;
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
