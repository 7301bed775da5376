package dev.dealarchive.indexing;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzers of the archive's text fields. */
public final class ArchiveAnalyzers {
  private ArchiveAnalyzers() {}

  /**
   * English analysis for recall: standard tokens, possessives dropped, lower case, accents folded, English stop
   * words removed, Porter stems (the same chain the Anserini BM25 baselines use).
   */
  public static Analyzer stemmed() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Exact analysis: standard tokens, lower case, accents folded; no stemming, no stop words. */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The per-field analyzer used to write and to query the index. */
  public static Analyzer forIndex() {
    Analyzer stemmed = stemmed();
    Analyzer exact = exact();
    return new PerFieldAnalyzerWrapper(
        stemmed,
        Map.of(
            ArchiveFields.TITLE, stemmed,
            ArchiveFields.BODY, stemmed,
            ArchiveFields.TITLE_EXACT, exact,
            ArchiveFields.BODY_EXACT, exact,
            ArchiveFields.SOURCE_KEY, exact));
  }
}
