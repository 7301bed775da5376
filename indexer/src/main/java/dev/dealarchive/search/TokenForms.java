package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Analyses a text once and gives each token both of its indexed forms: the exact form (as {@link
 * ArchiveAnalyzers#exact()} makes it) and the stem (as {@link ArchiveAnalyzers#stemmed()} makes it, {@code null} for
 * a stop word). Marking matches in a text needs both; running the two analyzers costs two tokenizations.
 *
 * <p>The stemmed chain is the exact chain (standard tokens, lower case, accents folded) with a possessive {@code 's}
 * dropped before lower-casing, stop words removed after folding, and Porter stemming last. Lower-casing and folding
 * map each of the characters {@code 's} (with {@code '}, {@code ’} or {@code ＇}) to one character, so dropping the
 * possessive from the exact form's last two characters gives the same term as dropping it first. Thread-safe.
 */
public final class TokenForms {
  private static final Analyzer EXACT = ArchiveAnalyzers.exact();
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final ThreadLocal<Stemmer> STEMMER = ThreadLocal.withInitial(Stemmer::new);

  private TokenForms() {}

  /**
   * A token of a text.
   *
   * @param start offset of its first character
   * @param end offset after its last character
   * @param exact its exact term
   * @param stem its stemmed term, or {@code null} when the stemmed analysis drops it as a stop word
   */
  public record Token(int start, int end, String exact, String stem) {}

  /** Every token of {@code text}, in order. */
  public static List<Token> of(String text) {
    List<Token> tokens = new ArrayList<>();
    scan(text, (start, end, exact, exactLength, stemLength, stemmer) -> {
      String stem = stemLength < 0 ? null : stemmer.stem(exact, stemLength);
      tokens.add(new Token(start, end, new String(exact, 0, exactLength), stem));
    });
    return tokens;
  }

  /**
   * The tokens of {@code text} that match {@code terms}, in order: a token whose stem is one of the stems, else one
   * whose exact form is one of the exact terms (the marking {@link Passages#matches} documents). Analyses only the
   * stretches of text where a token can match ({@link MatchWindows}), stems only the tokens that can stem to a
   * wanted term, and makes no string for the others.
   */
  static List<Passages.Match> matches(String text, MatchTerms terms) {
    String[] keys = MatchWindows.keys(terms);
    return matches(text, terms, keys == null ? new int[] {0, text.length()} : MatchWindows.of(text, keys));
  }

  /** As {@link #matches(String, MatchTerms)}, analysing the whole text: the reference the windows must agree with. */
  static List<Passages.Match> matchesAnalysingAll(String text, MatchTerms terms) {
    return matches(text, terms, new int[] {0, text.length()});
  }

  private static List<Passages.Match> matches(String text, MatchTerms terms, int[] windows) {
    List<Passages.Match> matches = new ArrayList<>();
    if (windows.length == 0) {
      return matches;
    }
    String[] stems = terms.stems().toArray(String[]::new);
    String[] exacts = terms.exact().toArray(String[]::new);
    TokenVisitor visitor = (start, end, exact, exactLength, stemLength, stemmer) -> {
      if (stemLength >= 0 && mayStemTo(exact, stemLength, stems)) {
        String stem = stemmer.stem(exact, stemLength);
        if (terms.stems().contains(stem)) {
          matches.add(new Passages.Match(start, end, stem));
          return;
        }
      }
      String found = find(exact, exactLength, exacts);
      if (found != null) {
        matches.add(new Passages.Match(start, end, found));
      }
    };
    for (int w = 0; w < windows.length; w += 2) {
      scan(text, windows[w], windows[w + 1], visitor);
    }
    return matches;
  }

  /**
   * Whether a word of {@code length} characters can have one of {@code stems} as its Porter stem: the Porter
   * algorithm only rewrites a word's ending, never its first character, and never makes it longer.
   */
  private static boolean mayStemTo(char[] word, int length, String[] stems) {
    for (String stem : stems) {
      if (stem.isEmpty() || length > 0 && stem.length() <= length && stem.charAt(0) == word[0]) {
        return true;
      }
    }
    return false;
  }

  /** The term of {@code terms} spelled as {@code buffer[0, length)}, or null. */
  private static String find(char[] buffer, int length, String[] terms) {
    for (String term : terms) {
      if (term.length() == length && sameChars(term, buffer)) {
        return term;
      }
    }
    return null;
  }

  private static boolean sameChars(String term, char[] buffer) {
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) != buffer[i]) {
        return false;
      }
    }
    return true;
  }

  /** Receives each token of a scan. */
  private interface TokenVisitor {
    /**
     * @param exact the exact form in {@code exact[0, exactLength)}; valid during the call only
     * @param stemLength length of the prefix of {@code exact} that is stemmed, or -1 for a stop word
     * @param stemmer stems a prefix of {@code exact}
     */
    void token(int start, int end, char[] exact, int exactLength, int stemLength, Stemmer stemmer);
  }

  private static void scan(String text, TokenVisitor visitor) {
    scan(text, 0, text.length(), visitor);
  }

  /** Scans {@code text[from, to)}, reporting offsets in {@code text}. */
  private static void scan(String text, int from, int to, TokenVisitor visitor) {
    Stemmer stemmer = STEMMER.get();
    String part = from == 0 && to == text.length() ? text : text.substring(from, to);
    try (TokenStream stream = EXACT.tokenStream("", part)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = from + offset.startOffset();
        int end = from + offset.endOffset();
        int length = term.length();
        if (isPossessive(text, start, end)) {
          length -= 2;
        }
        int stemLength = STOP_WORDS.contains(term.buffer(), 0, length) ? -1 : length;
        visitor.token(start, end, term.buffer(), term.length(), stemLength, stemmer);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
  }

  /** Whether the token ends in a possessive {@code 's}, as Lucene's {@code EnglishPossessiveFilter} decides. */
  static boolean isPossessive(String text, int start, int end) {
    if (end - start < 2) {
      return false;
    }
    char apostrophe = text.charAt(end - 2);
    char s = text.charAt(end - 1);
    return (apostrophe == '\'' || apostrophe == '\u2019' || apostrophe == '\uFF07') && (s == 's' || s == 'S');
  }

  /**
   * Lucene's Porter stemmer (package-private in Lucene) behind its public filter, fed one term at a time through a
   * one-token stream that is reused, so stemming a token allocates only the resulting string.
   */
  private static final class Stemmer {
    private final OneToken source = new OneToken();
    private final TokenStream filter = new PorterStemFilter(source);
    private final CharTermAttribute term = source.getAttribute(CharTermAttribute.class);

    String stem(char[] buffer, int length) {
      try {
        source.set(buffer, length);
        filter.reset();
        filter.incrementToken();
        return term.toString();
      } catch (IOException e) {
        throw new UncheckedIOException("stemming an in-memory term failed", e);
      }
    }
  }

  /** A token stream of exactly one term, set before each use. */
  private static final class OneToken extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private boolean used;

    void set(char[] buffer, int length) {
      term.copyBuffer(buffer, 0, length);
      used = false;
    }

    @Override
    public boolean incrementToken() {
      if (used) {
        return false;
      }
      used = true;
      return true;
    }
  }
}
