package dev.dealarchive.answer;

import dev.dealarchive.search.Passages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Notes about an article rather than its news ("Sample article written for the archive: ... are fictional.", "Note:
 * this article is a summary ...", "Editor's note: ..."): they stay searchable but are never an answer, since they
 * answer nothing about the deal. The samples' fiction notice stays visible in their source names ("Sample Wire
 * (fictional)").
 */
final class ArticleNotes {
  /** A sentence that starts with a note's label, or that says the article was written for the archive or is fiction. */
  private static final Pattern NOTE = Pattern.compile(
      "(?is)^\\W*(?:(?:editor(?:'|\u2019)?s\\s+)?note|disclaimer|disclosure|sample article)\\b.*"
          + "|.*\\b(?:written\\s+for\\s+the\\s+archive|(?:article|story|report)\\s+is\\s+(?:fictional|fiction|"
          + "invented))\\b.*");

  /**
   * Words of which every note holds one (case aside): a sentence with none of them is no note, and most sentences
   * are read without running {@link #NOTE}, which tries every position of the sentence.
   */
  private static final List<String> NOTE_WORDS =
      List.of("note", "disclaimer", "disclosure", "sample article", "written", "fiction", "invented");

  private ArticleNotes() {}

  /** {@code sentences} of {@code body} without the notes about the article. */
  static List<Passages.Sentence> withoutNotes(String body, List<Passages.Sentence> sentences) {
    if (sentences.isEmpty()) {
      return sentences;
    }
    // A sentence without a note word is no note; finding the words once in the body saves lower-casing each one.
    TextTriggers words = TextTriggers.of(body, sentences.get(sentences.size() - 1).end(), false, NOTE_WORDS);
    List<Passages.Sentence> kept = new ArrayList<>(sentences.size());
    for (Passages.Sentence s : sentences) {
      // Within a note word already, so only the pattern is left of isNote's test.
      if (!words.within(s.start(), s.end()) || !NOTE.matcher(body.substring(s.start(), s.end())).matches()) {
        kept.add(s);
      }
    }
    return kept;
  }

  /** Whether one sentence is a note about the article. */
  static boolean isNote(String sentence) {
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String word : NOTE_WORDS) {
      if (lower.contains(word)) {
        return NOTE.matcher(sentence).matches();
      }
    }
    return false;
  }
}
