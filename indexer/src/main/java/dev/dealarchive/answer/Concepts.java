package dev.dealarchive.answer;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.search.QueryPart;
import dev.dealarchive.search.TextAnalysis;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/** Builds the concepts of a question: its words grouped with the aliases of the names they form. Stateless. */
final class Concepts {
  private Concepts() {}

  /**
   * Splits the question's words into concept groups: each required group of the query is one, except that a run
   * of plain words that names something with aliases becomes one group holding the name and its aliases.
   */
  static List<ConceptGroup> groups(Question question, Synonyms names) {
    List<QueryPart.Group> groups = question.query().required();
    List<String> firstTokens = new ArrayList<>();
    List<Integer> tokenGroup = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      QueryPart.Group group = groups.get(g);
      if (group.alternatives().size() == 1 && !group.alternatives().get(0).phrase()) {
        for (String token : TextAnalysis.exact(group.alternatives().get(0).text())) {
          firstTokens.add(token);
          tokenGroup.add(g);
        }
      } else {
        firstTokens.add("\u0000");
        tokenGroup.add(g);
      }
    }
    List<ConceptGroup> result = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (Synonyms.Hit hit : names.find(firstTokens)) {
      int firstGroup = tokenGroup.get(hit.from());
      int lastGroup = tokenGroup.get(hit.to() - 1);
      boolean alignsWithWords =
          (hit.from() == 0 || tokenGroup.get(hit.from() - 1) != firstGroup)
              && (hit.to() == tokenGroup.size() || tokenGroup.get(hit.to()) != lastGroup);
      if (!alignsWithWords) {
        continue;
      }
      List<QueryPart> parts = new ArrayList<>();
      StringBuilder name = new StringBuilder();
      for (int g = firstGroup; g <= lastGroup; g++) {
        used.add(g);
        name.append(name.isEmpty() ? "" : " ").append(groups.get(g).alternatives().get(0).text());
      }
      parts.add(new QueryPart(name.toString(), lastGroup > firstGroup, false));
      for (List<String> alias : hit.alternatives()) {
        parts.add(new QueryPart(String.join(" ", alias), alias.size() > 1, false));
      }
      result.add(new ConceptGroup(parts));
    }
    for (int g = 0; g < groups.size(); g++) {
      if (!used.contains(g)) {
        result.add(new ConceptGroup(groups.get(g).alternatives()));
      }
    }
    return result;
  }

  /** The concepts with their weights (the rarest stem's IDF in the body field), for passage choice. */
  static List<Concept> weighted(IndexReader reader, List<ConceptGroup> groups) throws IOException {
    List<Concept> concepts = new ArrayList<>();
    long docs = Math.max(1, ArticleBlocks.countArticles(reader));
    for (ConceptGroup group : groups) {
      Set<String> stems = new LinkedHashSet<>();
      for (QueryPart part : group.parts()) {
        stems.addAll(TextAnalysis.stems(part.text()));
      }
      if (stems.isEmpty()) {
        continue;
      }
      double weight = 0;
      for (String stem : stems) {
        int df = reader.docFreq(new Term(ArchiveFields.BODY, stem));
        weight = Math.max(weight, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
      }
      concepts.add(new Concept(group.parts().get(0).text(), stems, weight));
    }
    return concepts;
  }
}
