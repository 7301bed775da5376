package dev.dealarchive.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a follow-up question with the questions before it in the same conversation, so "what about Google?" after
 * "Can OpenAI deploy its models on Amazon?" is asked as "Can OpenAI deploy its models on Google?". Context only ever
 * adds to what the new question says: an elliptical question ("what about X?", "and X?") takes the earlier question
 * with X in place of its last name; a question that names nobody gets the earlier question's names added; a question
 * that names someone stands as asked.
 */
final class FollowUps {
  private FollowUps() {}

  private static final Pattern ELLIPSIS =
      Pattern.compile("^(?:and\\s+)?(?:(?:what|how)\\s+about|and)\\s+(.+?)[\\s?.!]*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}\\p{N}&.-]*\\b");
  /** Capitalized words that start questions rather than name anyone. */
  private static final Set<String> NOT_NAMES = Set.of("a", "an", "and", "are", "can", "could", "did", "do", "does",
      "has", "have", "how", "i", "is", "it", "may", "might", "must", "should", "the", "was", "were", "what", "when",
      "where", "which", "who", "whom", "whose", "why", "will", "would");

  /**
   * The question to answer: {@code question} read with the {@code earlier} questions of the conversation, oldest
   * first.
   */
  static String read(List<String> earlier, String question) {
    if (earlier.isEmpty()) {
      return question;
    }
    String context = earlier.get(0);
    for (String next : earlier.subList(1, earlier.size())) {
      context = withContext(context, next);
    }
    return withContext(context, question);
  }

  /** {@code question} understood after {@code previous}. */
  static String withContext(String previous, String question) {
    if (previous == null || previous.isBlank()) {
      return question;
    }
    List<String> previousNames = names(previous);
    Matcher ellipsis = ELLIPSIS.matcher(question.strip());
    if (ellipsis.matches() && !previousNames.isEmpty()) {
      String subject = ellipsis.group(1).strip();
      String last = previousNames.get(previousNames.size() - 1);
      int at = lastWordIndex(previous, last);
      if (at >= 0 && !previousNames.subList(0, previousNames.size() - 1).contains(last)) {
        return previous.substring(0, at) + subject + previous.substring(at + last.length());
      }
      return previous.replaceAll("[\\s?.!]+$", "") + " " + subject;
    }
    if (ellipsis.matches()) {
      return previous.replaceAll("[\\s?.!]+$", "") + " " + ellipsis.group(1).strip();
    }
    if (names(question).isEmpty() && !previousNames.isEmpty()) {
      return question + " " + String.join(" ", previousNames);
    }
    return question;
  }

  /** The capitalized words of {@code text} that are names, in order, each once. */
  static List<String> names(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      String word = m.group().replaceAll("[.'\u2019]+$", "").replaceAll("['\u2019]s$", "");
      if (!word.isEmpty() && !NOT_NAMES.contains(word.toLowerCase(Locale.ROOT)) && !names.contains(word)) {
        names.add(word);
      }
    }
    return names;
  }

  private static int lastWordIndex(String text, String word) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(word) + "\\b").matcher(text);
    int at = -1;
    while (m.find()) {
      at = m.start();
    }
    return at;
  }
}
