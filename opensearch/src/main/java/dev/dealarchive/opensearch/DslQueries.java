package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.indexing.ArchiveFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * Translates the archive's Lucene queries into OpenSearch's query DSL, node by node, so the cluster runs the very
 * query the embedded index runs: the same terms (analysed by the archive, not re-analysed by the cluster), the same
 * boolean structure, boosts, phrase slops and filters. On a cluster whose scoring statistics are global ({@code
 * dfs_query_then_fetch}) the scores are then those of the embedded index.
 *
 * <p>Supported: {@link BooleanQuery} (with minimum-should-match), {@link TermQuery}, {@link PhraseQuery} (terms at
 * consecutive positions, any slop), {@link BoostQuery}, {@link ConstantScoreQuery}, {@link MatchAllDocsQuery},
 * {@link MatchNoDocsQuery}, the {@code published} {@link PointRangeQuery}, and {@link CombinedFieldQuery} (BM25F over
 * title and body, as {@code combined_fields}). Anything else is a programming error, reported with the query's class.
 */
public final class DslQueries {
  private DslQueries() {}

  /** The DSL of {@code query}. */
  public static ObjectNode of(ObjectMapper json, Query query) {
    return of(json, query, UnaryOperator.identity());
  }

  /** The DSL of {@code query}, each field name passed through {@code fields} (to score on other fields). */
  public static ObjectNode of(ObjectMapper json, Query query, UnaryOperator<String> fields) {
    return new DslQueries.Translation(json, fields).translate(query, 1f);
  }

  private record Translation(ObjectMapper json, UnaryOperator<String> fields) {

    private ObjectNode translate(Query query, float boost) {
      ObjectNode out = json.createObjectNode();
      if (query instanceof BoostQuery boosted) {
        return translate(boosted.getQuery(), boost * boosted.getBoost());
      }
      if (query instanceof TermQuery term) {
        Term t = term.getTerm();
        ObjectNode field = out.putObject("term").putObject(fields.apply(t.field()));
        field.put("value", t.text());
        boost(field, boost);
        return out;
      }
      if (query instanceof PhraseQuery phrase) {
        return phrase(phrase, boost);
      }
      if (query instanceof BooleanQuery bool) {
        ObjectNode node = out.putObject("bool");
        for (BooleanClause clause : bool.clauses()) {
          String occur =
              switch (clause.occur()) {
                case MUST -> "must";
                case SHOULD -> "should";
                case MUST_NOT -> "must_not";
                case FILTER -> "filter";
              };
          ArrayNode list = node.has(occur) ? (ArrayNode) node.get(occur) : node.putArray(occur);
          list.add(translate(clause.query(), 1f));
        }
        if (bool.getMinimumNumberShouldMatch() > 0) {
          node.put("minimum_should_match", bool.getMinimumNumberShouldMatch());
        } else if (hasOnly(bool, BooleanClause.Occur.SHOULD)) {
          // Lucene: a query of SHOULD clauses alone needs one of them; OpenSearch agrees, but say it.
          node.put("minimum_should_match", 1);
        } else {
          // Lucene ignores SHOULD clauses for matching when a MUST or FILTER clause exists; so must OpenSearch.
          node.put("minimum_should_match", 0);
        }
        boost(node, boost);
        return out;
      }
      if (query instanceof MatchAllDocsQuery) {
        boost(out.putObject("match_all"), boost);
        return out;
      }
      if (query instanceof FieldExistsQuery exists && exists.getField().equals(ArchiveFields.ID)) {
        // "Every article" in the embedded index (whose passages are documents too); the cluster holds articles only.
        boost(out.putObject("match_all"), boost);
        return out;
      }
      if (query instanceof TermInSetQuery among) {
        // One of the given values: the bot's followed queries restricted to the articles committed since it looked.
        ArrayNode values = out.putObject("terms").putArray(fields.apply(among.getField()));
        try {
          BytesRefIterator terms = among.getBytesRefIterator();
          for (BytesRef term = terms.next(); term != null; term = terms.next()) {
            values.add(term.utf8ToString());
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        return out;
      }
      if (query instanceof MatchNoDocsQuery) {
        out.putObject("match_none");
        return out;
      }
      if (query instanceof ConstantScoreQuery constant) {
        ObjectNode node = out.putObject("constant_score");
        node.putObject("filter").setAll(translate(constant.getQuery(), 1f));
        boost(node, boost);
        return out;
      }
      if (query instanceof PointRangeQuery range && range.getField().equals(ArchiveFields.PUBLISHED)
          && range.getNumDims() == 1 && range.getBytesPerDim() == Long.BYTES) {
        long from = LongPoint.decodeDimension(range.getLowerPoint(), 0);
        long to = LongPoint.decodeDimension(range.getUpperPoint(), 0);
        ObjectNode field = out.putObject("range").putObject(fields.apply(range.getField()));
        if (from != Long.MIN_VALUE) {
          field.put("gte", from);
        }
        if (to != Long.MAX_VALUE) {
          field.put("lte", to);
        }
        field.put("format", "epoch_millis");
        return out;
      }
      if (query instanceof CombinedFieldQuery combined) {
        return combined(combined, boost);
      }
      throw new IllegalArgumentException(
          "no OpenSearch translation for " + query.getClass().getName() + ": " + query);
    }

    private static boolean hasOnly(BooleanQuery bool, BooleanClause.Occur occur) {
      return !bool.clauses().isEmpty() && bool.clauses().stream().allMatch(c -> c.occur() == occur);
    }

    private ObjectNode phrase(PhraseQuery phrase, float boost) {
      ObjectNode out = json.createObjectNode();
      Term[] terms = phrase.getTerms();
      int[] positions = phrase.getPositions();
      for (int i = 0; i < positions.length; i++) {
        if (positions[i] != i) {
          throw new IllegalArgumentException("phrase with gaps has no OpenSearch translation: " + phrase);
        }
      }
      if (terms.length == 0) {
        out.putObject("match_none");
        return out;
      }
      if (terms.length == 1) {
        ObjectNode field = out.putObject("term").putObject(fields.apply(terms[0].field()));
        field.put("value", terms[0].text());
        boost(field, boost);
        return out;
      }
      // The terms are already analysed; a whitespace analyzer hands them to a phrase query unchanged, at the
      // consecutive positions the embedded PhraseQuery uses.
      String text = String.join(" ", Arrays.stream(terms).map(Term::text).toList());
      ObjectNode field = out.putObject("match_phrase").putObject(fields.apply(terms[0].field()));
      field.put("query", text);
      field.put("analyzer", IndexSchema.TERMS_ANALYZER);
      if (phrase.getSlop() > 0) {
        field.put("slop", phrase.getSlop());
      }
      boost(field, boost);
      return out;
    }

    /**
     * BM25F over several fields. Lucene's query exposes its terms to a visitor but its field weights only in its
     * text form, {@code CombinedFieldQuery((body title^2.0)(licens))}, which is read here; OpenSearch's {@code
     * combined_fields} builds the same Lucene query from field boosts. The fields' search analyzer only splits at
     * spaces, so the term arrives as the archive analysed it.
     */
    private ObjectNode combined(CombinedFieldQuery combined, float boost) {
      ObjectNode out = json.createObjectNode();
      Set<String> terms = new LinkedHashSet<>();
      combined.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... consumed) {
              for (Term term : consumed) {
                terms.add(term.text());
              }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              return this;
            }
          });
      String text = combined.toString();
      String prefix = "CombinedFieldQuery((";
      int fieldsEnd = text.indexOf(")(");
      if (!text.startsWith(prefix) || fieldsEnd < 0 || terms.isEmpty()) {
        throw new IllegalArgumentException("unexpected form of a combined-field query: " + text);
      }
      ObjectNode node = out.putObject("combined_fields");
      node.put("query", String.join(" ", terms));
      node.put("operator", "or");
      ArrayNode names = node.putArray("fields");
      for (String field : text.substring(prefix.length(), fieldsEnd).split(" ")) {
        if (!field.isBlank()) {
          int caret = field.indexOf('^');
          names.add(caret < 0 ? fields.apply(field) : fields.apply(field.substring(0, caret)) + field.substring(caret));
        }
      }
      boost(node, boost);
      return out;
    }

    private static void boost(ObjectNode node, float boost) {
      if (boost != 1f) {
        node.put("boost", boost);
      }
    }
  }
}
