package dev.dealarchive.search;

import dev.dealarchive.indexing.ArchiveAnalyzers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** Runs the archive's analyzers over query and article text. Thread-safe. */
public final class TextAnalysis {
  private static final Analyzer STEMMED = ArchiveAnalyzers.stemmed();
  private static final Analyzer EXACT = ArchiveAnalyzers.exact();

  private TextAnalysis() {}

  /** A token with its place in the text. */
  public record Token(String term, int start, int end) {}

  /** Stemmed terms of {@code text} (stop words removed). */
  public static List<String> stems(String text) {
    return terms(STEMMED, text);
  }

  /** Exact terms of {@code text}. */
  public static List<String> exact(String text) {
    return terms(EXACT, text);
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
