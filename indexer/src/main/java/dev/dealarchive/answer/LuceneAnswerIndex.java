package dev.dealarchive.answer;

import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.indexing.StoredArticles;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.RelevanceTop;
import dev.dealarchive.search.StoredSentences;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/** The embedded index as the answer engine reads it: one acquired searcher. */
public final class LuceneAnswerIndex implements AnswerIndex {
  private final IndexSearcher searcher;

  public LuceneAnswerIndex(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /** The searcher read, for what only the embedded index has (passage vectors). */
  IndexSearcher searcher() {
    return searcher;
  }

  @Override
  public long articleCount() throws IOException {
    // Passages of an index with vectors are documents too; only articles count.
    return ArticleBlocks.countArticles(searcher.getIndexReader());
  }

  @Override
  public long docFreq(String field, String term) throws IOException {
    return searcher.getIndexReader().docFreq(new Term(field, term));
  }

  @Override
  public String closestWord(String field, String word, int maxEdits) throws IOException {
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(4);
    checker.setMaxEdits(maxEdits);
    SuggestWord[] suggestions =
        checker.suggestSimilar(new Term(field, word), 1, searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
    return suggestions.length == 0 ? null : suggestions[0].string;
  }

  @Override
  public List<Ranked> top(Query query, int n, BM25Similarity similarity) throws IOException {
    IndexSearcher scoring = new IndexSearcher(searcher.getIndexReader());
    scoring.setSimilarity(similarity);
    scoring.setQueryCache(null);
    TopDocs top = RelevanceTop.top(scoring, query, n);
    List<Ranked> ranked = new ArrayList<>(top.scoreDocs.length);
    StoredFields stored = scoring.storedFields();
    for (ScoreDoc doc : top.scoreDocs) {
      Document document = stored.document(doc.doc);
      Article article = StoredArticles.toArticle(document);
      List<Passages.Sentence> sentences = StoredSentences.of(document, article.body());
      ranked.add(new Ranked(article, doc.score, sentences));
    }
    return ranked;
  }
}
