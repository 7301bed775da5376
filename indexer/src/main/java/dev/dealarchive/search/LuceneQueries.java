package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Turns parsed queries into Lucene queries over the archive's fields. */
public final class LuceneQueries {
  /** How much a title match outweighs a body match. */
  static final float TITLE_BOOST = 2.0f;
  /** Weight of an exact (unstemmed) match added on top of the stemmed one, so exact word forms rank first. */
  static final float EXACT_BONUS = 0.3f;

  private LuceneQueries() {}

  /** Whether every required group must match, or any one of them. */
  public enum Match {
    ALL,
    ANY
  }

  /**
   * The query for {@code parsed}: its words and phrases (scored), its exclusions, and its filters (not scored).
   * Returns a match-all query with the filters when the query has no words.
   */
  public static Query build(ParsedQuery parsed, Match match) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int scoring = 0;
    for (QueryPart.Group group : parsed.required()) {
      Query groupQuery = group(group);
      if (groupQuery != null) {
        query.add(groupQuery, match == Match.ALL ? Occur.MUST : Occur.SHOULD);
        scoring++;
      }
    }
    if (scoring == 0) {
      // Not a match-all query: passage documents must never be listed as articles.
      query.add(ArticleBlocks.articles(), Occur.MUST);
    } else if (match == Match.ANY) {
      query.setMinimumNumberShouldMatch(1);
    }
    for (QueryPart part : parsed.excluded()) {
      Query excluded = part(part);
      if (excluded != null) {
        query.add(excluded, Occur.MUST_NOT);
      }
    }
    for (Query filter : filters(parsed)) {
      query.add(filter, Occur.FILTER);
    }
    return query.build();
  }

  /** Number of required groups that produce a query (parts made only of punctuation produce none). */
  public static int scoringGroups(ParsedQuery parsed) {
    int count = 0;
    for (QueryPart.Group group : parsed.required()) {
      if (group(group) != null) {
        count++;
      }
    }
    return count;
  }

  /** The filter clauses of a query: sources (any), tags (all), date range. */
  public static List<Query> filters(ParsedQuery parsed) {
    List<Query> filters = new ArrayList<>();
    if (!parsed.sources().isEmpty()) {
      BooleanQuery.Builder sources = new BooleanQuery.Builder();
      for (String source : parsed.sources()) {
        List<String> words = TextAnalysis.exact(source);
        if (!words.isEmpty()) {
          // "source:Sample Wire" finds "Sample Wire (fictional)": the words in order, anywhere in the name.
          sources.add(sequence(ArchiveFields.SOURCE_KEY, words), Occur.SHOULD);
        }
      }
      filters.add(sources.build());
    }
    for (String tag : parsed.tags()) {
      filters.add(new TermQuery(new Term(ArchiveFields.TAG_KEY, tag)));
    }
    if (parsed.from() != null || parsed.until() != null) {
      long from = parsed.from() == null ? Long.MIN_VALUE : parsed.from().toEpochMilli();
      long until = parsed.until() == null ? Long.MAX_VALUE : parsed.until().toEpochMilli() - 1;
      filters.add(LongPoint.newRangeQuery(ArchiveFields.PUBLISHED, from, until));
    }
    return filters;
  }

  private static Query group(QueryPart.Group group) {
    return anyOf(group.alternatives(), LuceneQueries::part);
  }

  /**
   * The alternatives of a group: the query of the one part that has one, or a disjunction of them; null when no
   * part yields a query.
   */
  public static Query anyOf(List<QueryPart> parts, Function<QueryPart, Query> toQuery) {
    List<Query> alternatives = new ArrayList<>();
    for (QueryPart part : parts) {
      Query query = toQuery.apply(part);
      if (query != null) {
        alternatives.add(query);
      }
    }
    if (alternatives.isEmpty()) {
      return null;
    }
    if (alternatives.size() == 1) {
      return alternatives.get(0);
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    alternatives.forEach(q -> any.add(q, Occur.SHOULD));
    return any.build();
  }


  /** The query for one word or phrase, or null when it has no searchable token. */
  public static Query part(QueryPart part) {
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    List<String> exact = TextAnalysis.exact(part.text());
    if (!part.phrase()) {
      List<String> stems = TextAnalysis.stems(part.text());
      if (!stems.isEmpty()) {
        fields.add(boost(sequence(ArchiveFields.TITLE, stems), TITLE_BOOST), Occur.SHOULD);
        if (!part.titleOnly()) {
          fields.add(sequence(ArchiveFields.BODY, stems), Occur.SHOULD);
        }
        any = true;
      }
    }
    if (!exact.isEmpty()) {
      float weight = any ? EXACT_BONUS : 1.0f;
      fields.add(boost(sequence(ArchiveFields.TITLE_EXACT, exact), TITLE_BOOST * weight), Occur.SHOULD);
      if (!part.titleOnly()) {
        fields.add(boost(sequence(ArchiveFields.BODY_EXACT, exact), weight), Occur.SHOULD);
      }
      any = true;
    }
    return any ? fields.build() : null;
  }

  /** A term query for one term, a phrase query for several. */
  public static Query sequence(String field, List<String> terms) {
    if (terms.size() == 1) {
      return new TermQuery(new Term(field, terms.get(0)));
    }
    return new PhraseQuery(field, terms.toArray(String[]::new));
  }

  /** {@code query} weighted by {@code boost}; unwrapped when the boost is 1. */
  public static Query boost(Query query, float boost) {
    return boost == 1.0f ? query : new BoostQuery(query, boost);
  }
}
