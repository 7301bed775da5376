package dev.dealarchive.answer;

import dev.dealarchive.article.Article;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.StoredSentences;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Everything the answer engine reads from an index, so that it answers alike from the embedded Lucene index
 * ({@link LuceneAnswerIndex}) and from a cluster that runs the same queries: term statistics for spelling and concept
 * weights, the closest indexed word for a slip, and the best articles of a query. The queries are the answer engine's
 * own Lucene queries; an engine over a server translates them.
 */
public interface AnswerIndex {
  /** Articles in the index. */
  long articleCount() throws IOException;

  /** Articles whose {@code field} holds {@code term} (an analysed term). */
  long docFreq(String field, String term) throws IOException;

  /**
   * The indexed word of {@code field} closest to {@code word} within {@code maxEdits} edits, as Lucene's {@code
   * DirectSpellChecker} finds it for a word that is not indexed (default accuracy, prefix of one, words of at least
   * four letters), or {@code null} when none is close.
   */
  String closestWord(String field, String word, int maxEdits) throws IOException;

  /**
   * The best {@code n} articles for {@code query}, in relevance order (score, then newest, then id), scored with
   * {@code similarity} where the index can score per query (a cluster scores with the similarity of its mapping).
   */
  List<Ranked> top(Query query, int n, BM25Similarity similarity) throws IOException;

  /**
   * An article and its retrieval score.
   *
   * @param sentences the body's sentences as stored when it was indexed ({@link StoredSentences}), or {@code null}
   *     when the index has none for it (the answer engine then cuts them)
   */
  record Ranked(Article article, float score, List<Passages.Sentence> sentences) {
    /** An article without stored sentences. */
    public Ranked(Article article, float score) {
      this(article, score, null);
    }
  }
}
