package dev.dealarchive.answer;

import java.util.Arrays;
import java.util.List;

/**
 * Where a text holds one of a few words (ASCII, case aside, as a {@code (?i)} pattern without Unicode case reads
 * them) or, when asked, an ASCII digit: a pattern that cannot match without one of them need not run over a range of
 * the text that holds none. Reading an article's sentences ran the answer-kind and note patterns over every
 * sentence; most hold no word any of them needs. Built once per article, then each range is one look-up.
 */
final class TextTriggers {
  /**
   * For each position, the least end of a trigger that starts there or later ({@link Integer#MAX_VALUE} for none);
   * {@code null} when the text holds no trigger at all.
   */
  private final int[] firstEndFrom;

  /** Characters read for triggers. */
  private final int length;

  private TextTriggers(int[] firstEndFrom, int length) {
    this.firstEndFrom = firstEndFrom;
    this.length = length;
  }

  /**
   * The triggers of {@code text[0, limit)}: every occurrence of one of {@code words} (lower-case ASCII, matched
   * with ASCII letters of either case) and, with {@code digits}, every character {@code 0-9}.
   */
  static TextTriggers of(String text, int limit, boolean digits, List<String> words) {
    int length = Math.min(limit, text.length());
    char[] lower = new char[length];
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      lower[i] = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }
    String lowered = new String(lower);
    if (!digits && words.stream().noneMatch(lowered::contains)) {
      return new TextTriggers(null, length); // most bodies hold no note word at all
    }
    int[] endAt = new int[length + 1];
    Arrays.fill(endAt, Integer.MAX_VALUE);
    if (digits) {
      for (int i = 0; i < length; i++) {
        if (lower[i] >= '0' && lower[i] <= '9') {
          endAt[i] = i + 1;
        }
      }
    }
    for (String word : words) {
      for (int at = lowered.indexOf(word); at >= 0; at = lowered.indexOf(word, at + 1)) {
        endAt[at] = Math.min(endAt[at], at + word.length());
      }
    }
    for (int i = length - 1; i >= 0; i--) {
      endAt[i] = Math.min(endAt[i], endAt[i + 1]);
    }
    return new TextTriggers(endAt, length);
  }

  /** Whether {@code text[start, end)} holds a whole trigger; a range past the limit built for is read as holding one. */
  boolean within(int start, int end) {
    if (start >= length || end > length) {
      return true;
    }
    return firstEndFrom != null && firstEndFrom[start] <= end;
  }
}
