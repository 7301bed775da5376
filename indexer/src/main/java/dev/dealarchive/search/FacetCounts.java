package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts the articles a search matches per source, tag, year and month, from the doc values the schema already keeps
 * for sorting and statistics ({@link ArchiveFields#SOURCE}, {@link ArchiveFields#TAG_KEY}, {@link
 * ArchiveFields#PUBLISHED}), so facets need no extra index structures. Matches the same articles as {@link
 * ArticleSearch#search}: every word, else any word when no article has them all. Stateless.
 */
public final class FacetCounts {
  private static final long MILLIS_PER_DAY = 86_400_000L;

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
    return new Facets(
        largest(tally.sources, maxValues),
        largest(tally.tags, maxValues),
        tally.years(),
        tally.months());
  }

  private static List<Facets.Count> largest(Map<String, Long> counts, int max) {
    return counts.entrySet().stream()
        .map(e -> new Facets.Count(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Facets.Count::count).reversed().thenComparing(Facets.Count::value))
        .limit(Math.max(0, max))
        .toList();
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
      months.forEach((m, n) -> out.add(new Facets.Count(String.format(Locale.ROOT, "%04d-%02d", m / 12, m % 12 + 1), n)));
      return out;
    }

    List<Facets.Count> years() {
      Map<Integer, Long> years = new TreeMap<>();
      months.forEach((m, n) -> years.merge(m / 12, n, Long::sum));
      List<Facets.Count> out = new ArrayList<>(years.size());
      years.forEach((y, n) -> out.add(new Facets.Count(String.format(Locale.ROOT, "%04d", y), n)));
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
      LeafReader reader = context.reader();
      SortedDocValues sources = DocValues.getSorted(reader, ArchiveFields.SOURCE);
      SortedSetDocValues tags = DocValues.getSortedSet(reader, ArchiveFields.TAG_KEY);
      NumericDocValues published = DocValues.getNumeric(reader, ArchiveFields.PUBLISHED);
      long[] sourceCounts = new long[sources.getValueCount()];
      long[] tagCounts = new long[Math.toIntExact(tags.getValueCount())];
      return new LeafCollector() {
        long lastDay = Long.MIN_VALUE;
        int lastMonth;
        /** Counts per month, indexed from {@code firstMonth}; grown when a month falls outside. */
        long[] monthCounts = new long[0];
        int firstMonth;

        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          tally.matched++;
          if (sources.advanceExact(doc)) {
            sourceCounts[sources.ordValue()]++;
          }
          if (tags.advanceExact(doc)) {
            for (int i = 0, n = tags.docValueCount(); i < n; i++) {
              tagCounts[Math.toIntExact(tags.nextOrd())]++;
            }
          }
          if (published.advanceExact(doc)) {
            long day = Math.floorDiv(published.longValue(), MILLIS_PER_DAY);
            if (day != lastDay) { // articles of a day often come together; skip the calendar arithmetic for them
              LocalDate date = LocalDate.ofEpochDay(day);
              lastMonth = date.getYear() * 12 + date.getMonthValue() - 1;
              lastDay = day;
            }
            countMonth(lastMonth);
          }
        }

        private void countMonth(int month) {
          if (monthCounts.length == 0) {
            firstMonth = month;
            monthCounts = new long[12];
          } else if (month < firstMonth) {
            long[] grown = new long[monthCounts.length + (firstMonth - month)];
            System.arraycopy(monthCounts, 0, grown, firstMonth - month, monthCounts.length);
            monthCounts = grown;
            firstMonth = month;
          } else if (month - firstMonth >= monthCounts.length) {
            monthCounts = Arrays.copyOf(monthCounts, Math.max(month - firstMonth + 1, monthCounts.length * 2));
          }
          monthCounts[month - firstMonth]++;
        }

        @Override
        public void finish() throws IOException {
          for (int i = 0; i < monthCounts.length; i++) {
            if (monthCounts[i] > 0) {
              tally.months.merge(firstMonth + i, monthCounts[i], Long::sum);
            }
          }
          for (int ord = 0; ord < sourceCounts.length; ord++) {
            if (sourceCounts[ord] > 0) {
              String source = sources.lookupOrd(ord).utf8ToString();
              if (!source.isBlank()) {
                tally.sources.merge(source, sourceCounts[ord], Long::sum);
              }
            }
          }
          for (int ord = 0; ord < tagCounts.length; ord++) {
            if (tagCounts[ord] > 0) {
              tally.tags.merge(tags.lookupOrd(ord).utf8ToString(), tagCounts[ord], Long::sum);
            }
          }
        }
      };
    }
  }
}
