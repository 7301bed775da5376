package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TotalHits;

/**
 * Counts the articles a search matches per source, tag, year and month, from the doc values the schema already keeps
 * for sorting and statistics ({@link ArchiveFields#SOURCE}, {@link ArchiveFields#TAG_KEY}, {@link
 * ArchiveFields#PUBLISHED}), so facets need no extra index structures; each segment's values are read once into
 * {@link FacetColumns} and counted from there. Matches the same articles as {@link
 * ArticleSearch#search}: every word, else any word when no article has them all. Stateless; {@link Alongside} counts
 * in a search's own pass over its matches instead of a second one.
 */
public final class FacetCounts {
  private static final Comparator<Facets.Count> LARGEST_FIRST =
      Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value);

  private FacetCounts() {}

  /**
   * The facets of the articles {@code queryText} matches.
   *
   * @param maxValues how many sources and how many tags to list at most (the largest counts); years and months are
   *     all listed
   */
  public static Facets of(IndexSearcher searcher, String queryText, int maxValues) throws IOException {
    ParsedQuery parsed = QueryLanguage.parse(queryText);
    int groups = LuceneQueries.scoringGroups(parsed);
    if (groups == 0 && !parsed.hasFilters() && parsed.excluded().isEmpty()) {
      return Facets.empty();
    }
    Tally tally = searcher.search(LuceneQueries.build(parsed, LuceneQueries.Match.ALL), new TallyManager());
    if (tally.matched == 0 && groups > 1) {
      tally = searcher.search(LuceneQueries.build(parsed, LuceneQueries.Match.ANY), new TallyManager());
    }
    return facets(tally, maxValues);
  }

  /** The facets of {@code tally}, at most {@code maxValues} sources and tags. */
  private static Facets facets(Tally tally, int maxValues) {
    return new Facets(largest(tally.sources, maxValues), largest(tally.tags, maxValues), tally.years(), tally.months());
  }

  /**
   * Counts the facets in the same pass as a search's top hits: {@link #around} wraps the search's collectors, and
   * when the search saw every match (its total is exact) the counts are those {@link #of} would count in a pass of
   * its own. When the search stopped counting early (a relevance search past its count threshold skips what cannot
   * make the top), the counts are incomplete and {@link #facets} says so with null. One search at a time.
   */
  static final class Alongside {
    private Tally tally;
    private boolean complete;
    private Query searched;

    /** {@code top} with every collector it makes also counting facets; the tally is kept when the search ends. */
    <C extends Collector, T> CollectorManager<Both<C>, T> around(CollectorManager<C, T> top) {
      tally = null;
      complete = false;
      return new CollectorManager<>() {
        @Override
        public Both<C> newCollector() throws IOException {
          return new Both<>(top.newCollector(), new TallyCollector());
        }

        @Override
        public T reduce(Collection<Both<C>> collectors) throws IOException {
          List<C> tops = new ArrayList<>(collectors.size());
          Tally total = new Tally();
          for (Both<C> both : collectors) {
            tops.add(both.top);
            total.add(both.tally.tally);
          }
          tally = total;
          return top.reduce(tops);
        }
      };
    }

    /**
     * Records whether the last search saw every match: its total is exact and equals the matches counted. A search
     * that reported no total leaves the counts unused.
     */
    void searched(Query query, TotalHits total) {
      searched = query;
      complete = tally != null && total.relation() == TotalHits.Relation.EQUAL_TO && tally.matched == total.value();
    }

    /** The facets of the last search, or null when it did not see every match. */
    Facets facets(int maxValues) {
      return complete ? FacetCounts.facets(tally, maxValues) : null;
    }

    /**
     * The facets of the last search counted in a pass of their own over the query it matched with, or null when it
     * searched none. That query is the one {@link FacetCounts#of} would count (the query as typed, every word, else
     * any word when no article has them all: the search counts facets alongside only when the query budget left the
     * query as typed, and falls back to any word exactly when {@link FacetCounts#of} does), so the counts are the
     * same without parsing the query again or searching again for every word when the search already found none.
     */
    Facets countAgain(IndexSearcher searcher, int maxValues) throws IOException {
      return searched == null ? null : FacetCounts.facets(searcher.search(searched, new TallyManager()), maxValues);
    }
  }

  /**
   * A search's own collector and a facet tally fed the same documents. The search's collector decides everything
   * else (score mode, the scorer it is given, the documents it lets the search skip), so its hits and total are the
   * same as without the tally.
   */
  static final class Both<C extends Collector> implements Collector {
    final C top;
    final TallyCollector tally;

    Both(C top, TallyCollector tally) {
      this.top = top;
      this.tally = tally;
    }

    @Override
    public ScoreMode scoreMode() {
      return top.scoreMode();
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      LeafCollector counting = tally.getLeafCollector(context);
      LeafCollector topLeaf = top.getLeafCollector(context);
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) throws IOException {
          topLeaf.setScorer(scorer);
        }

        @Override
        public void collect(int doc) throws IOException {
          counting.collect(doc);
          topLeaf.collect(doc);
        }

        @Override
        public DocIdSetIterator competitiveIterator() throws IOException {
          return topLeaf.competitiveIterator();
        }

        @Override
        public void finish() throws IOException {
          counting.finish();
          topLeaf.finish();
        }
      };
    }
  }

  /**
   * The {@code max} largest counts, largest first, equal counts by value: a total order, so keeping the {@code max}
   * best in a small heap gives the first {@code max} of the whole list sorted, without sorting it (an any-word search
   * counts hundreds of tags).
   */
  static List<Facets.Count> largest(Map<String, Long> counts, int max) {
    if (max <= 0 || counts.isEmpty()) {
      return List.of();
    }
    PriorityQueue<Facets.Count> kept = new PriorityQueue<>(Math.min(max, counts.size()) + 1, LARGEST_FIRST.reversed());
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      long count = entry.getValue();
      if (kept.size() == max) {
        Facets.Count last = kept.peek();
        if (count < last.count() || (count == last.count() && entry.getKey().compareTo(last.value()) > 0)) {
          continue;
        }
      }
      kept.add(new Facets.Count(entry.getKey(), count));
      if (kept.size() > max) {
        kept.poll();
      }
    }
    Facets.Count[] largest = kept.toArray(Facets.Count[]::new);
    Arrays.sort(largest, LARGEST_FIRST);
    return List.of(largest);
  }

  /** {@code String.format(Locale.ROOT, "%04d", year)} without the formatter (a page lists every month). */
  static String fourDigits(int year) {
    if (year < 0) {
      return String.format(Locale.ROOT, "%04d", year);
    }
    String digits = Integer.toString(year);
    return digits.length() >= 4 ? digits : "000".substring(digits.length() - 1) + digits;
  }

  /** {@code String.format(Locale.ROOT, "%04d-%02d", month / 12, month % 12 + 1)} without the formatter. */
  static String yearMonth(int month) {
    if (month < 0) {
      return String.format(Locale.ROOT, "%04d-%02d", month / 12, month % 12 + 1);
    }
    return fourDigits(month / 12) + (month % 12 < 9 ? "-0" : "-") + (month % 12 + 1);
  }

  /** Counts by value; months are keyed by {@code year * 12 + month - 1} so years and months share one tally. */
  private static final class Tally {
    long matched;
    final Map<String, Long> sources = new HashMap<>();
    final Map<String, Long> tags = new HashMap<>();
    final Map<Integer, Long> months = new TreeMap<>();

    void add(Tally other) {
      matched += other.matched;
      other.sources.forEach((k, v) -> sources.merge(k, v, Long::sum));
      other.tags.forEach((k, v) -> tags.merge(k, v, Long::sum));
      other.months.forEach((k, v) -> months.merge(k, v, Long::sum));
    }

    List<Facets.Count> months() {
      List<Facets.Count> out = new ArrayList<>(months.size());
      months.forEach((m, n) -> out.add(new Facets.Count(yearMonth(m), n)));
      return out;
    }

    List<Facets.Count> years() {
      Map<Integer, Long> years = new TreeMap<>();
      months.forEach((m, n) -> years.merge(m / 12, n, Long::sum));
      List<Facets.Count> out = new ArrayList<>(years.size());
      years.forEach((y, n) -> out.add(new Facets.Count(fourDigits(y), n)));
      return out;
    }
  }

  private static final class TallyManager implements CollectorManager<TallyCollector, Tally> {
    @Override
    public TallyCollector newCollector() {
      return new TallyCollector();
    }

    @Override
    public Tally reduce(Collection<TallyCollector> collectors) {
      Tally total = new Tally();
      collectors.forEach(collector -> total.add(collector.tally));
      return total;
    }
  }

  /** Counts ordinals per segment in arrays, then folds them into values when the segment is done. */
  private static final class TallyCollector implements Collector {
    final Tally tally = new Tally();

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      FacetColumns columns = FacetColumns.of(context.reader());
      int[] sources = columns.sources();
      int[] months = columns.months();
      int[] tagStarts = columns.tagStarts();
      int[] tagOrds = columns.tagOrds();
      long[] sourceCounts = new long[columns.sourceNames().length];
      long[] tagCounts = new long[columns.tagNames().length];
      long[] monthCounts = new long[columns.monthCount()];
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) {
          tally.matched++;
          int source = sources[doc];
          if (source >= 0) {
            sourceCounts[source]++;
          }
          for (int i = tagStarts[doc], end = tagStarts[doc + 1]; i < end; i++) {
            tagCounts[tagOrds[i]]++;
          }
          int month = months[doc];
          if (month >= 0) {
            monthCounts[month]++;
          }
        }

        @Override
        public void finish() {
          for (int i = 0; i < monthCounts.length; i++) {
            if (monthCounts[i] > 0) {
              tally.months.merge(columns.firstMonth() + i, monthCounts[i], Long::sum);
            }
          }
          String[] sourceNames = columns.sourceNames();
          for (int ord = 0; ord < sourceCounts.length; ord++) {
            if (sourceCounts[ord] > 0 && !sourceNames[ord].isBlank()) {
              tally.sources.merge(sourceNames[ord], sourceCounts[ord], Long::sum);
            }
          }
          String[] tagNames = columns.tagNames();
          for (int ord = 0; ord < tagCounts.length; ord++) {
            if (tagCounts[ord] > 0) {
              tally.tags.merge(tagNames[ord], tagCounts[ord], Long::sum);
            }
          }
        }
      };
    }
  }
}
