package dev.dealarchive.web;

import java.util.Locale;
import java.util.Set;

/** Decides whether what was typed into the one search box reads as a question, which gets an answer card first. */
final class Questions {
  private static final Set<String> OPENERS =
      Set.of(
          "who", "whom", "whose", "what", "when", "where", "which", "why", "how", "is", "are", "was", "were", "does",
          "do", "did", "can", "could", "should", "will", "would", "has", "have", "had");

  private Questions() {}

  /** True for text that ends with a question mark or starts with a question word ("is Microsoft still ..."). */
  static boolean looksLikeQuestion(String text) {
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return false;
    }
    if (stripped.endsWith("?")) {
      return true;
    }
    String[] words = stripped.split("\\s+");
    // One or two words ("how", "who uses") are more likely a search than a question.
    return words.length >= 3 && OPENERS.contains(words[0].toLowerCase(Locale.ROOT));
  }
}
