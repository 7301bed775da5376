package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs the archive's analyzers over query and article text. Thread-safe. */
public final class TextAnalysis {
  private static final Analyzer STEMMED = ArchiveAnalyzers.stemmed();
  private static final Analyzer EXACT = ArchiveAnalyzers.exact();

  /**
   * How many short texts' stemmed and exact terms each thread keeps: one search analyses each of its words three or
   * four times (to fit the query budget, to count and to build its clauses, to mark matches), for about 2% of its
   * CPU. Only texts up to {@link #RECENT_MAX_CHARS} characters (a query's words and phrases, not articles).
   */
  private static final int RECENT_TEXTS = 32;
  private static final int RECENT_MAX_CHARS = 64;
  private static final ThreadLocal<Map<String, List<String>>> RECENT_STEMS =
      ThreadLocal.withInitial(TextAnalysis::recent);
  private static final ThreadLocal<Map<String, List<String>>> RECENT_EXACT =
      ThreadLocal.withInitial(TextAnalysis::recent);

  private TextAnalysis() {}

  private static Map<String, List<String>> recent() {
    return new LinkedHashMap<>(RECENT_TEXTS * 2, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
        return size() > RECENT_TEXTS;
      }
    };
  }

  /** A token with its place in the text. */
  public record Token(String term, int start, int end) {}

  /** Stemmed terms of {@code text} (stop words removed); an unmodifiable list. */
  public static List<String> stems(String text) {
    if (text.length() > RECENT_MAX_CHARS) {
      return terms(STEMMED, text);
    }
    return RECENT_STEMS.get().computeIfAbsent(text, t -> terms(STEMMED, t));
  }

  /** Exact terms of {@code text}; an unmodifiable list. */
  public static List<String> exact(String text) {
    if (text.length() > RECENT_MAX_CHARS) {
      return terms(EXACT, text);
    }
    return RECENT_EXACT.get().computeIfAbsent(text, t -> terms(EXACT, t));
  }

  /** Stemmed tokens with offsets. */
  public static List<Token> stemTokens(String text) {
    return tokens(STEMMED, text);
  }

  /** Exact tokens with offsets. */
  public static List<Token> exactTokens(String text) {
    return tokens(EXACT, text);
  }

  private static List<String> terms(Analyzer analyzer, String text) {
    return tokens(analyzer, text).stream().map(Token::term).toList();
  }

  private static List<Token> tokens(Analyzer analyzer, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of in-memory text failed", e);
    }
    return tokens;
  }
}
