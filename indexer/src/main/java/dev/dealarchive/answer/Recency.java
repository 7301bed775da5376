package dev.dealarchive.answer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Questions asking for the latest news ({@link Question#wantsRecent()}): among articles that match about as well as
 * the best, newer ones are lifted. Stateless.
 */
final class Recency {
  /** Least relevance (the best article's is 1) for an article to count as matching about as well. */
  static final double RELEVANT = 0.5;
  /** Bonus of the newest relevant article; older ones get less, in order. */
  static final double NEWEST_BONUS = 0.3;

  private Recency() {}

  /** Adds a recency bonus to the answer scores of the relevant candidates and re-sorts all by answer score. */
  static void preferRecent(List<Candidate> candidates) {
    List<Candidate> relevant = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.relevance() >= RELEVANT) {
        relevant.add(candidate);
      }
    }
    relevant.sort(
        Comparator.comparing((Candidate c) -> c.hit().published(), Comparator.nullsLast(Comparator.reverseOrder())));
    for (int i = 0; i < relevant.size(); i++) {
      Candidate candidate = relevant.get(i);
      double bonus = NEWEST_BONUS * (1.0 - (double) i / relevant.size());
      int at = candidates.indexOf(candidate);
      // Among articles that match about as well, how well each was retrieved counts by its relevance (near ties
      // stay near), so the date can decide.
      double score = Answerer.PASSAGE_SHARE * candidate.pick().score() + (1 - Answerer.PASSAGE_SHARE) * candidate.relevance();
      candidates.set(at, candidate.withAnswerScore(score + bonus));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::answerScore).reversed());
  }
}
