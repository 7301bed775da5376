package dev.dealarchive.answer;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.search.LuceneQueries;
import dev.dealarchive.search.ParsedQuery;
import dev.dealarchive.search.QueryPart;
import dev.dealarchive.search.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;

/**
 * The keyword side of question retrieval: BM25F over title and body, every concept optional but at least one
 * required, near pairs of question words rewarded, the query language's exclusions and filters applied. Stateless.
 */
final class KeywordQuery {
  private KeywordQuery() {}

  /** The retrieval query for a question's concept groups. */
  static Query build(Question question, List<ConceptGroup> groups, AnswerSettings settings) {
    ParsedQuery parsed = question.query();
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    int clauses = 0;
    for (ConceptGroup group : groups) {
      Query groupQuery = LuceneQueries.anyOf(group.parts(), part -> partQuery(part, settings));
      if (groupQuery != null) {
        words.add(groupQuery, Occur.SHOULD);
        clauses++;
      }
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (clauses > 0) {
      words.setMinimumNumberShouldMatch(1);
      query.add(words.build(), Occur.MUST);
    } else {
      query.add(ArticleBlocks.articles(), Occur.MUST);
    }
    List<String> stems = new ArrayList<>();
    for (String word : question.contentWords()) {
      stems.addAll(TextAnalysis.stems(word));
    }
    if (settings.proximityWeight() > 0) {
      for (int i = 0; i + 1 < stems.size(); i++) {
        if (!stems.get(i).equals(stems.get(i + 1))) {
          PhraseQuery pair =
              new PhraseQuery(settings.proximitySlop(), ArchiveFields.BODY, stems.get(i), stems.get(i + 1));
          query.add(new BoostQuery(pair, settings.proximityWeight()), Occur.SHOULD);
        }
      }
    }
    requirePhrases(query, parsed);
    restrict(query, parsed);
    return query.build();
  }

  /**
   * Adds the query language's restrictions to {@code query}: exclusions ({@code -word}) as must-not clauses, and
   * sources, tags and dates as filters. The semantic side uses the same restrictions, so both sides see the same
   * articles.
   */
  static void restrict(BooleanQuery.Builder query, ParsedQuery parsed) {
    for (QueryPart part : parsed.excluded()) {
      Query excluded = LuceneQueries.part(part);
      if (excluded != null) {
        query.add(excluded, Occur.MUST_NOT);
      }
    }
    for (Query filter : LuceneQueries.filters(parsed)) {
      query.add(filter, Occur.FILTER);
    }
  }

  /**
   * The restrictions alone, as one query over article documents, for the semantic side: filters, exclusions and
   * quoted phrases (which stay exact requirements however close a passage is in meaning); {@code null} when the
   * question has none.
   */
  static Query restrictions(ParsedQuery parsed) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(ArticleBlocks.articles(), Occur.FILTER);
    int clauses = requirePhrases(query, parsed);
    restrict(query, parsed);
    return clauses == 0 && parsed.excluded().isEmpty() && !parsed.hasFilters() ? null : query.build();
  }

  /** Adds every quoted phrase of the question as a filter; returns how many. */
  private static int requirePhrases(BooleanQuery.Builder query, ParsedQuery parsed) {
    int count = 0;
    for (QueryPart.Group group : parsed.required()) {
      if (group.alternatives().size() == 1 && group.alternatives().get(0).phrase()) {
        Query phrase = LuceneQueries.part(group.alternatives().get(0));
        if (phrase != null) {
          query.add(phrase, Occur.FILTER);
          count++;
        }
      }
    }
    return count;
  }

  /** The query of one word, name or phrase of a concept. */
  static Query partQuery(QueryPart part, AnswerSettings settings) {
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    if (!part.phrase()) {
      List<String> stems = TextAnalysis.stems(part.text());
      if (!stems.isEmpty() && !part.titleOnly()) {
        // BM25F: title and body scored as one field with the title's term frequency weighted, so a word in both
        // is not counted twice and document length is the article's, not each field's. A word that analyzes to
        // several tokens ("TNF-alpha", "non-exclusive") scores each token, and more when they stand together.
        for (String stem : stems) {
          fields.add(
              new CombinedFieldQuery.Builder(stem)
                  .addField(ArchiveFields.TITLE, Math.max(1f, settings.titleBoost()))
                  .addField(ArchiveFields.BODY, 1f)
                  .build(),
              Occur.SHOULD);
        }
        if (stems.size() > 1) {
          fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.BODY, stems), 1f / stems.size()), Occur.SHOULD);
        }
        any = true;
      } else if (!stems.isEmpty()) {
        fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.TITLE, stems), settings.titleBoost()), Occur.SHOULD);
        any = true;
      }
    }
    List<String> exact = TextAnalysis.exact(part.text());
    if (!exact.isEmpty() && (part.phrase() || settings.exactBonus() > 0 || !any)) {
      float weight = any ? settings.exactBonus() : 1.0f;
      fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.TITLE_EXACT, exact), settings.titleBoost() * weight), Occur.SHOULD);
      if (!part.titleOnly()) {
        fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.BODY_EXACT, exact), weight), Occur.SHOULD);
      }
      any = true;
    }
    return any ? fields.build() : null;
  }
}
