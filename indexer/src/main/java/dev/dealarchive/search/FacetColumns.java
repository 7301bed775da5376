package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleDocValues;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * One segment's facet values laid out by document: its source's ordinal, its month and its tags' ordinals, with the
 * values' names by ordinal. Counting a search's facets then reads arrays instead of advancing three doc values
 * iterators per match (which decode blocks and check bounds on every call: most of a facet count's time when an
 * any-word search matches thousands of articles).
 *
 * <p>Built from the doc values the schema keeps ({@link ArchiveFields#SOURCE}, {@link ArchiveFields#TAG_KEY}, {@link
 * ArchiveFields#PUBLISHED}) the first time a segment is counted, and kept while the segment's core is open: a
 * segment's documents and doc values never change (the archive replaces an article by deleting and adding it, and
 * counting only ever sees live documents), and a refreshed searcher keeps the cores of the segments it did not
 * change. Memory: 12 bytes per document and 4 per tag, plus the names (Reuters-21578: about 0.3 MB; 25 times its
 * size: under 10 MB).
 *
 * @param sources each document's source ordinal, or -1 when it has none
 * @param months each document's month as an index from {@code firstMonth}, or -1 when it is undated
 * @param firstMonth the earliest month of the segment, as {@code year * 12 + month - 1}
 * @param monthCount how many months lie between the earliest and the latest, both included (0 when none is dated)
 * @param tagStarts where each document's tag ordinals start in {@code tagOrds} (one more entry than documents)
 * @param tagOrds every document's tag ordinals, one document after another
 * @param sourceNames the source values by ordinal
 * @param tagNames the tag values by ordinal
 */
record FacetColumns(
    int[] sources,
    int[] months,
    int firstMonth,
    int monthCount,
    int[] tagStarts,
    int[] tagOrds,
    String[] sourceNames,
    String[] tagNames) {

  private static final long MILLIS_PER_DAY = 86_400_000L;
  private static final Map<IndexReader.CacheKey, FacetColumns> BY_CORE = new ConcurrentHashMap<>();

  /** The columns of {@code reader}'s segment, built on first use and kept while its core is open. */
  static FacetColumns of(LeafReader reader) throws IOException {
    IndexReader.CacheHelper helper = reader.getCoreCacheHelper();
    if (helper == null) {
      return read(reader);
    }
    IndexReader.CacheKey key = helper.getKey();
    FacetColumns columns = BY_CORE.get(key);
    if (columns == null) {
      // Two searches may both read a new segment; either result is the same, and one is kept.
      columns = read(reader);
      if (BY_CORE.putIfAbsent(key, columns) == null) {
        helper.addClosedListener(BY_CORE::remove);
      }
    }
    return columns;
  }

  /** How many segments' columns are kept (for tests: closed segments must not stay). */
  static int kept() {
    return BY_CORE.size();
  }

  private static FacetColumns read(LeafReader reader) throws IOException {
    int maxDoc = reader.maxDoc();
    int[] sources = new int[maxDoc];
    SortedDocValues sourceValues = DocValues.getSorted(reader, ArchiveFields.SOURCE);
    for (int doc = 0; doc < maxDoc; doc++) {
      sources[doc] = sourceValues.advanceExact(doc) ? sourceValues.ordValue() : -1;
    }

    // Each dated document's month (year * 12 + month - 1), Integer.MIN_VALUE for an undated one; then made an
    // index from the earliest month, -1 for undated.
    int[] months = new int[maxDoc];
    NumericDocValues published = ArticleDocValues.published(reader);
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    long lastDay = Long.MIN_VALUE;
    int lastMonth = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      if (published.advanceExact(doc)) {
        long day = Math.floorDiv(published.longValue(), MILLIS_PER_DAY);
        if (day != lastDay) {
          LocalDate date = LocalDate.ofEpochDay(day);
          lastMonth = date.getYear() * 12 + date.getMonthValue() - 1;
          lastDay = day;
        }
        months[doc] = lastMonth;
        first = Math.min(first, lastMonth);
        last = Math.max(last, lastMonth);
      } else {
        months[doc] = Integer.MIN_VALUE;
      }
    }
    for (int doc = 0; doc < maxDoc; doc++) {
      months[doc] = months[doc] == Integer.MIN_VALUE ? -1 : months[doc] - first;
    }

    SortedSetDocValues tagValues = DocValues.getSortedSet(reader, ArchiveFields.TAG_KEY);
    int[] tagStarts = new int[maxDoc + 1];
    int[] tagOrds = new int[16];
    int tags = 0;
    for (int doc = 0; doc < maxDoc; doc++) {
      tagStarts[doc] = tags;
      if (tagValues.advanceExact(doc)) {
        for (int i = 0, n = tagValues.docValueCount(); i < n; i++) {
          if (tags == tagOrds.length) {
            tagOrds = Arrays.copyOf(tagOrds, tags * 2);
          }
          tagOrds[tags++] = Math.toIntExact(tagValues.nextOrd());
        }
      }
    }
    tagStarts[maxDoc] = tags;

    return new FacetColumns(
        sources,
        months,
        first == Integer.MAX_VALUE ? 0 : first,
        first == Integer.MAX_VALUE ? 0 : last - first + 1,
        tagStarts,
        Arrays.copyOf(tagOrds, tags),
        names(reader, ArchiveFields.SOURCE),
        names(reader, ArchiveFields.TAG_KEY));
  }

  /** The values of a sorted or sorted-set doc values field by ordinal. */
  private static String[] names(LeafReader reader, String field) throws IOException {
    SortedSetDocValues values = DocValues.getSortedSet(reader, field);
    String[] names = new String[Math.toIntExact(values.getValueCount())];
    TermsEnum terms = values.termsEnum();
    for (int ord = 0; ord < names.length; ord++) {
      BytesRef term = terms.next();
      if (term == null) {
        throw new IOException("the doc values of " + field + " in " + reader + " list " + ord + " of their "
            + names.length + " values");
      }
      names[ord] = term.utf8ToString();
    }
    return names;
  }
}
