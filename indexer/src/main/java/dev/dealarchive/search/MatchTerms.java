package dev.dealarchive.search;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The terms that count as a match when marking words in article text: stems of plain words, exact forms of phrase
 * words.
 *
 * @param stems stemmed terms
 * @param exact exact (lower-cased, unstemmed) terms
 */
public record MatchTerms(Set<String> stems, Set<String> exact) {
  public MatchTerms {
    stems = Set.copyOf(stems);
    exact = Set.copyOf(exact);
  }

  /** The terms of every positive part of a query. */
  public static MatchTerms of(List<QueryPart> parts) {
    Set<String> stems = new HashSet<>();
    Set<String> exact = new HashSet<>();
    for (QueryPart part : parts) {
      if (part.phrase()) {
        exact.addAll(TextAnalysis.exact(part.text()));
      } else {
        List<String> partStems = TextAnalysis.stems(part.text());
        stems.addAll(partStems);
        if (partStems.isEmpty()) {
          exact.addAll(TextAnalysis.exact(part.text()));
        }
      }
    }
    return new MatchTerms(stems, exact);
  }

  public boolean isEmpty() {
    return stems.isEmpty() && exact.isEmpty();
  }
}
