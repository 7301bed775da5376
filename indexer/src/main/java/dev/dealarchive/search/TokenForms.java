package dev.dealarchive.search;

import dev.dealarchive.index.ArchiveAnalyzers;
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
    Stemmer stemmer = STEMMER.get();
    try (TokenStream stream = EXACT.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = offset.startOffset();
        int end = offset.endOffset();
        int length = term.length();
        if (isPossessive(text, start, end)) {
          length -= 2;
        }
        String stem = STOP_WORDS.contains(term.buffer(), 0, length) ? null : stemmer.stem(term.buffer(), length);
        tokens.add(new Token(start, end, term.toString(), stem));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
    return tokens;
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
