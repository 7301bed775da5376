package dev.dealarchive.search;

import java.util.Arrays;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * Finds the stretches of a text where a token can match a query's terms, so that snippets run the analyzer over
 * those stretches only instead of over the whole body (the analysis was about a third of a search's CPU).
 *
 * <p>The filter is conservative: it may keep text that holds no match, never drop a match. Every wanted term has a
 * <em>key</em>, a prefix of ASCII letters and digits that every token matching it starts with, once lower-cased:
 *
 * <ul>
 *   <li>an exact term: its leading letters and digits;
 *   <li>a stem: the same, after dropping the ending that Lucene's Porter stemmer may have written instead of the
 *       word's own letters. The stemmer only rewrites a word's end, and the letters it writes that the word need not
 *       have are a prefix of {@code e}, {@code i} or {@code le} ({@code hoping → hope}, {@code happy → happi},
 *       {@code stability → stabl}); so a stem ending in {@code le} drops two letters, one ending in {@code e},
 *       {@code i} or {@code l} one.
 * </ul>
 *
 * <p>A token of the standard tokenizer never starts inside a run of ASCII letters and digits (Unicode word breaks
 * do not split one, save the tokenizer's cut of runs over 255 characters), so a token made of ASCII characters can
 * match only where such a run starts with a key. A token with other characters can match wherever a character
 * lower-cases or folds to an ASCII letter or digit ({@code É}, {@code ﬁ}, full-width forms): every such character
 * keeps its stretch. Curly quotes, dashes and the like fold to punctuation and keep nothing.
 *
 * <p>A kept position grows to the run of text between two ASCII white-space characters: no token spans white space,
 * and the tokenizer starts afresh after it, so analysing the stretch alone gives the same tokens as analysing the
 * whole text. Stretches closer than {@link #JOIN_GAP} characters are analysed as one.
 */
final class MatchWindows {
  /** Stretches this close are joined: one analysis costs less than two set-ups. */
  static final int JOIN_GAP = 48;
  /** The standard tokenizer's longest token; a longer run of letters is cut into several tokens. */
  private static final int MAX_TOKEN = 255;
  /**
   * Per character: 0 not yet known, 1 does not, 2 does lower-case or fold to an ASCII letter or digit. Filled as
   * characters are met (the whole table would cost tens of milliseconds of a one-shot search's start); threads that
   * race write the same value.
   */
  private static final byte[] FOLDS_TO_ALNUM = new byte[Character.MAX_VALUE + 1];

  private MatchWindows() {}

  /**
   * The keys of {@code terms}: stems first, then exact terms; {@code null} when a term has no key (it starts with
   * something other than an ASCII letter or digit) and the whole text must be analysed.
   */
  static String[] keys(MatchTerms terms) {
    String[] keys = new String[terms.stems().size() + terms.exact().size()];
    int k = 0;
    for (String stem : terms.stems()) {
      keys[k++] = stemKey(stem);
    }
    for (String exact : terms.exact()) {
      keys[k++] = alnumPrefix(exact, exact.length());
    }
    for (String key : keys) {
      if (key.isEmpty()) {
        return null;
      }
    }
    return keys;
  }

  /** The prefix every word with the Porter stem {@code stem} starts with, cut to ASCII letters and digits. */
  static String stemKey(String stem) {
    int end = stem.length();
    if (stem.endsWith("le")) {
      end -= 2;
    } else if (end > 0 && "eil".indexOf(stem.charAt(end - 1)) >= 0) {
      end -= 1;
    }
    return alnumPrefix(stem, end);
  }

  private static String alnumPrefix(String term, int end) {
    int at = 0;
    while (at < end && isAsciiAlnum(term.charAt(at))) {
      at++;
    }
    return term.substring(0, at);
  }

  /**
   * The stretches of {@code text} to analyse for tokens starting with one of {@code keys}, as half-open ranges
   * {@code [w[0], w[1]), [w[2], w[3]), ...} in text order, not overlapping; empty when no token can match.
   */
  static int[] of(String text, String[] keys) {
    int n = text.length();
    long[] kept = new long[(n >>> 6) + 1];
    // Candidates start with a key's first letter in either case: String.indexOf finds those fast, and the key is
    // then compared ignoring case (lower-casing the whole text cost more than everything else here).
    String firstLetters = "";
    for (String key : keys) {
      char first = key.charAt(0);
      if (firstLetters.indexOf(first) >= 0) {
        continue;
      }
      firstLetters += first;
      keep(text, keys, first, kept);
      char upper = Character.toUpperCase(first);
      if (upper != first) {
        keep(text, keys, upper, kept);
      }
    }
    char[] chars = text.toCharArray();
    int any = 0;
    for (char c : chars) {
      any |= c;
    }
    if (any >= 0x80) {
      for (int i = 0; i < n; i++) {
        if (chars[i] >= 0x80 && foldsToAlnum(chars[i])) {
          kept[i >>> 6] |= 1L << i;
        }
      }
    }
    return stretches(text, kept);
  }

  /** Marks in {@code kept} each place where {@code letter} starts a token that starts with a key. */
  private static void keep(String text, String[] keys, char letter, long[] kept) {
    for (int at = text.indexOf(letter); at >= 0; at = text.indexOf(letter, at + 1)) {
      if (startsWithKey(text, at, keys) && startsToken(text, at)) {
        kept[at >>> 6] |= 1L << at;
      }
    }
  }

  private static boolean startsWithKey(String text, int at, String[] keys) {
    for (String key : keys) {
      if (text.regionMatches(true, at, key, 0, key.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a token can start at {@code at}: at the start of a run of ASCII letters and digits, or inside one where
   * the tokenizer cuts a run longer than its longest token.
   */
  private static boolean startsToken(String text, int at) {
    int run = at;
    while (run > 0 && at - run < MAX_TOKEN && isAsciiAlnum(text.charAt(run - 1))) {
      run--;
    }
    return run == at || at - run >= MAX_TOKEN;
  }

  /** The stretches around the positions marked in {@code kept}, joined where they touch or lie close. */
  private static int[] stretches(String text, long[] kept) {
    int[] windows = new int[8];
    int size = 0;
    for (int word = 0; word < kept.length; word++) {
      for (long bits = kept[word]; bits != 0; bits &= bits - 1) {
        int at = (word << 6) + Long.numberOfTrailingZeros(bits);
        if (size > 0 && at < windows[size - 1]) {
          continue; // inside the last stretch
        }
        int start = stretchStart(text, at);
        int end = stretchEnd(text, at);
        if (size > 0 && start - windows[size - 1] <= JOIN_GAP) {
          windows[size - 1] = end;
        } else {
          if (size == windows.length) {
            windows = Arrays.copyOf(windows, size * 2);
          }
          windows[size++] = start;
          windows[size++] = end;
        }
      }
    }
    return Arrays.copyOf(windows, size);
  }

  /**
   * Where the stretch holding {@code at} starts: just after ASCII white space that is followed by an ASCII
   * character (so no combining mark clings to the white space), or the start of the text.
   */
  private static int stretchStart(String text, int at) {
    int s = at;
    while (s > 0 && !(isAsciiSpace(text.charAt(s - 1)) && text.charAt(s) < 0x80)) {
      s--;
    }
    return s;
  }

  /** Where the stretch holding {@code at} ends: at the next ASCII white space, or the end of the text. */
  private static int stretchEnd(String text, int at) {
    int e = at;
    while (e < text.length() && !isAsciiSpace(text.charAt(e))) {
      e++;
    }
    return e;
  }

  private static boolean isAsciiSpace(char c) {
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0x0B;
  }

  private static boolean isAsciiAlnum(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z';
  }

  /**
   * Whether the exact analysis (lower case, then ASCII folding) can turn the non-ASCII character {@code c} into text
   * holding an ASCII letter or digit. Surrogates count as such, to be safe.
   */
  static boolean foldsToAlnum(char c) {
    byte known = FOLDS_TO_ALNUM[c];
    if (known == 0) {
      known = (byte) (computeFoldsToAlnum(c) ? 2 : 1);
      FOLDS_TO_ALNUM[c] = known;
    }
    return known == 2;
  }

  private static boolean computeFoldsToAlnum(char c) {
    if (Character.isSurrogate(c)) {
      return true;
    }
    char[] in = {(char) Character.toLowerCase((int) c)};
    char[] out = new char[8];
    int length = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, 1);
    for (int k = 0; k < length; k++) {
      if (isAsciiAlnum(out[k])) {
        return true;
      }
    }
    return false;
  }
}
