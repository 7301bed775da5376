package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Keeps a query within what Lucene searches quickly and within its clause limit (1,024 clauses, about 250 words): a
 * word or phrase given again is searched once, and of a very long query only the rarest words are kept, in the order
 * typed, with a notice saying so. Words that appear nowhere count as the least useful, since they can only narrow a
 * search to nothing.
 */
public final class QueryBudget {
  /** Most words and phrases (each {@code OR} alternative counts) searched for. */
  public static final int MAX_PARTS = 48;
  /** Most excluded words, and most {@code source:} and {@code tag:} values, each. */
  public static final int MAX_FILTER_VALUES = 24;
  /** Most notices about how a query was read. */
  public static final int MAX_NOTICES = 3;

  private QueryBudget() {}

  /** {@code parsed} with repeats folded and at most {@link #MAX_PARTS} parts, rarest in {@code reader} first kept. */
  /** How many articles hold a term: the index's own statistics, or a cluster's. */
  @FunctionalInterface
  public interface DocFreq {
    long of(String field, String term) throws IOException;
  }

  /** As {@link #fit(ParsedQuery, DocFreq)} with the statistics of {@code reader}. */
  public static ParsedQuery fit(ParsedQuery parsed, IndexReader reader) throws IOException {
    return fit(parsed, (field, term) -> reader.docFreq(new Term(field, term)));
  }

  public static ParsedQuery fit(ParsedQuery parsed, DocFreq reader) throws IOException {
    List<QueryPart.Group> groups = distinctGroups(parsed.required());
    List<String> notices = new ArrayList<>(parsed.notices());
    int parts = groups.stream().mapToInt(g -> g.alternatives().size()).sum();
    if (parts > MAX_PARTS) {
      int typed = parts;
      groups = rarest(groups, reader);
      notices.add(String.format(Locale.ROOT,
          "the query has %,d words and phrases; it was searched for the %d rarest of them", typed,
          groups.stream().mapToInt(g -> g.alternatives().size()).sum()));
    }
    List<QueryPart> excluded = firstDistinct(parsed.excluded(), notices, "excluded words");
    List<String> sources = firstDistinct(parsed.sources(), notices, "source: filters");
    List<String> tags = firstDistinct(parsed.tags(), notices, "tag: filters");
    notices = fewNotices(notices);
    if (groups.equals(parsed.required()) && excluded.equals(parsed.excluded()) && sources.equals(parsed.sources())
        && tags.equals(parsed.tags()) && notices.equals(parsed.notices())) {
      return parsed;
    }
    return new ParsedQuery(groups, excluded, sources, tags, parsed.from(), parsed.until(), notices);
  }

  private static List<QueryPart.Group> distinctGroups(List<QueryPart.Group> groups) {
    Map<String, QueryPart.Group> distinct = new LinkedHashMap<>();
    for (QueryPart.Group group : groups) {
      Map<String, QueryPart> alternatives = new LinkedHashMap<>();
      for (QueryPart part : group.alternatives()) {
        alternatives.putIfAbsent(key(part), part);
      }
      QueryPart.Group folded = alternatives.size() == group.alternatives().size()
          ? group : new QueryPart.Group(List.copyOf(alternatives.values()));
      distinct.putIfAbsent(String.join("\u0000", alternatives.keySet()), folded);
    }
    return List.copyOf(distinct.values());
  }

  /** Parts that search alike: the same text in any case, the same kind. */
  private static String key(QueryPart part) {
    return part.text().toLowerCase(Locale.ROOT) + (part.phrase() ? "\u0001" : "") + (part.titleOnly() ? "\u0002" : "");
  }

  /** The rarest groups whose parts fit the budget, in their original order. */
  private static List<QueryPart.Group> rarest(List<QueryPart.Group> groups, DocFreq reader) throws IOException {
    record Ranked(int position, QueryPart.Group group, long rarity) {}
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      ranked.add(new Ranked(i, groups.get(i), rarity(groups.get(i), reader)));
    }
    ranked.sort(Comparator.comparingLong(Ranked::rarity).thenComparingInt(Ranked::position));
    List<Ranked> kept = new ArrayList<>();
    int parts = 0;
    for (Ranked candidate : ranked) {
      int size = Math.min(candidate.group().alternatives().size(), MAX_PARTS);
      if (parts + size > MAX_PARTS) {
        continue;
      }
      kept.add(candidate);
      parts += size;
    }
    kept.sort(Comparator.comparingInt(Ranked::position));
    return kept.stream().map(r -> r.group().alternatives().size() <= MAX_PARTS ? r.group()
        : new QueryPart.Group(r.group().alternatives().subList(0, MAX_PARTS))).toList();
  }

  /**
   * How many articles hold the group's rarest word (smaller is rarer); a group none of whose words appear anywhere
   * ranks after every group that can match.
   */
  private static long rarity(QueryPart.Group group, DocFreq reader) throws IOException {
    long rarest = Long.MAX_VALUE;
    for (QueryPart part : group.alternatives()) {
      for (String stem : TextAnalysis.stems(part.text())) {
        long docFreq = reader.of(ArchiveFields.BODY, stem);
        docFreq = Math.max(docFreq, reader.of(ArchiveFields.TITLE, stem));
        if (docFreq > 0) {
          rarest = Math.min(rarest, docFreq);
        }
      }
    }
    return rarest;
  }

  /**
   * At most {@link #MAX_NOTICES} distinct notices, then one saying how many more there were: sixty malformed filters
   * must not bury the results (in Slack, push the "More results" button out of the message).
   */
  static List<String> fewNotices(List<String> notices) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(notices));
    if (distinct.size() <= MAX_NOTICES) {
      return distinct;
    }
    List<String> few = new ArrayList<>(distinct.subList(0, MAX_NOTICES));
    few.add(String.format(Locale.ROOT, "and %,d more notes like these", distinct.size() - MAX_NOTICES));
    return few;
  }

  private static <T> List<T> firstDistinct(List<T> values, List<String> notices, String what) {
    List<T> distinct = List.copyOf(new LinkedHashSet<>(values));
    if (distinct.size() <= MAX_FILTER_VALUES) {
      return distinct;
    }
    notices.add(String.format(Locale.ROOT, "only the first %d of %,d %s were used", MAX_FILTER_VALUES,
        distinct.size(), what));
    return distinct.subList(0, MAX_FILTER_VALUES);
  }
}
