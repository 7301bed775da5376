package dev.dealarchive.answer;

import java.util.Set;

/**
 * One thing a question asks about: a word, or a name with its aliases, with the stems that express it and how
 * much it tells (the rarest stem's inverse document frequency).
 *
 * @param label the word as asked
 * @param stems stems that count as this concept in a passage
 * @param weight inverse document frequency of the concept
 */
public record Concept(String label, Set<String> stems, double weight) {
  public Concept {
    stems = Set.copyOf(stems);
  }
}
