package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * Splits article text into the plain words the generators may use: runs of ASCII letters between white space, with
 * surrounding punctuation stripped. Words with inner punctuation ({@code U.S.}, {@code don't}, {@code well-known})
 * are left out, because the archive's tokenizer and SQLite's {@code unicode61} split them differently; so a query
 * made of these words means the same to both engines.
 */
final class Words {
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final int MIN_LENGTH = 3;
  private static final int MAX_LENGTH = 20;

  private Words() {}

  /** A plain word and whether a sentence ended right before it. */
  record Word(String text, boolean startsSentence) {}

  /** The plain words of {@code text}, in order, original case kept. */
  static List<Word> of(String text) {
    List<Word> words = new ArrayList<>();
    boolean sentenceEnded = true;
    int at = 0;
    int length = text.length();
    while (at < length) {
      while (at < length && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      int start = at;
      while (at < length && !Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (start == at) {
        break;
      }
      String raw = text.substring(start, at);
      String word = strip(raw);
      if (isPlain(word)) {
        words.add(new Word(word, sentenceEnded));
      }
      sentenceEnded = raw.endsWith(".") || raw.endsWith("?") || raw.endsWith("!") || raw.endsWith(":");
    }
    return words;
  }

  /** True for words worth searching: not a stop word of the archive's analyzer, 3 to 20 letters. */
  static boolean isKeyword(String word) {
    return word.length() >= MIN_LENGTH
        && word.length() <= MAX_LENGTH
        && !STOP_WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static String strip(String raw) {
    int start = 0;
    int end = raw.length();
    while (start < end && !Character.isLetterOrDigit(raw.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(start, end);
  }

  private static boolean isPlain(String word) {
    if (word.isEmpty()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }
}
