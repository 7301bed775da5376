package dev.dealarchive.answer;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.TextAnalysis;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Replaces the words of a question that appear nowhere in the archive with the closest indexed word (Lucene's
 * {@link DirectSpellChecker} over the exact body terms). Which words may be corrected at all is decided in
 * {@link #isCorrectable}; whether a suggestion is taken, in {@link #correct}. Stateless.
 */
final class SpellingCorrector {
  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  /** Longest question that is spell-checked. */
  private static final int MAX_SPELLED_CHARS = 1_000;

  private SpellingCorrector() {}

  /**
   * The question with misspelled words replaced by the closest indexed word, or {@code null} when every word is
   * known (or no close word exists).
   */
  static String correct(IndexReader reader, String question) throws IOException {
    // A slip is corrected in a short question; checking the thousands of words of a pasted text would take seconds.
    if (question == null || question.isBlank() || question.length() > MAX_SPELLED_CHARS) {
      return null;
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(4);
    StringBuilder corrected = new StringBuilder();
    boolean changed = false;
    int at = 0;
    Matcher words = WORD.matcher(question);
    while (words.find()) {
      String word = words.group();
      String lower = word.toLowerCase(Locale.ROOT);
      corrected.append(question, at, words.start());
      at = words.end();
      String suggestion = null;
      if (isCorrectable(question, words.start(), words.end()) && !QuestionAnalyzer.FILLER.contains(lower)
          && !CommonWords.contains(lower) && !isKnownExactly(reader, lower)) {
        // Short words are one slip away from many others; allow them one edit only.
        checker.setMaxEdits(lower.length() <= 4 ? 1 : 2);
        SuggestWord[] suggestions =
            checker.suggestSimilar(
                new Term(ArchiveFields.BODY_EXACT, lower), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length > 0 && (isCompletion(lower, suggestions[0].string) || !isKnownStem(reader, lower))) {
          // Common English words never get here ("agree" is not cut off from "agreed").
          // A word whose stem is indexed ("deals") is an inflection, not a slip; only complete a cut-off one ("revenu").
          suggestion = suggestions[0].string;
        }
      }
      if (suggestion == null) {
        corrected.append(word);
      } else {
        corrected.append(suggestion);
        changed = true;
      }
    }
    corrected.append(question.substring(at));
    return changed ? corrected.toString() : null;
  }

  /**
   * Whether the word at {@code [start, end)} may be spell-corrected: not a filter name ({@code source:}), not part
   * of a compound or code ({@code Dresser-Rand}, {@code A320}), not inside quotes, and not a capitalised word
   * after the first, which is more likely a name the archive does not know than a slip.
   */
  static boolean isCorrectable(String question, int start, int end) {
    char before = start > 0 ? question.charAt(start - 1) : ' ';
    char after = end < question.length() ? question.charAt(end) : ' ';
    if (after == ':' || isJoiner(before) || isJoiner(after)) {
      return false;
    }
    if (countQuotesBefore(question, start) % 2 == 1) {
      return false;
    }
    boolean firstWord = question.substring(0, start).isBlank();
    return firstWord || !Character.isUpperCase(question.charAt(start));
  }

  /** Whether {@code suggestion} completes a cut-off {@code word} ("revenu" to "revenue"). */
  private static boolean isCompletion(String word, String suggestion) {
    return suggestion.length() > word.length() && suggestion.startsWith(word);
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '_' || c == '/' || c == '.' || c == '@' || Character.isDigit(c);
  }

  private static int countQuotesBefore(String text, int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '"') {
        count++;
      }
    }
    return count;
  }

  private static boolean isKnownStem(IndexReader reader, String lower) throws IOException {
    for (String stem : TextAnalysis.stems(lower)) {
      if (reader.docFreq(new Term(ArchiveFields.BODY, stem)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKnownExactly(IndexReader reader, String lower) throws IOException {
    return reader.docFreq(new Term(ArchiveFields.BODY_EXACT, lower)) > 0
        || reader.docFreq(new Term(ArchiveFields.TITLE_EXACT, lower)) > 0;
  }
}
