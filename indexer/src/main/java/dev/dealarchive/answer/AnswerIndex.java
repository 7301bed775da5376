package dev.dealarchive.answer;

import dev.dealarchive.article.Article;
import dev.dealarchive.hybrid.SemanticSide.StoredPassage;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.StoredSentences;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Everything the answer engine reads from an index, so that it answers alike from the embedded Lucene index
 * ({@link LuceneAnswerIndex}) and from a cluster that runs the same queries: term statistics for spelling and concept
 * weights, the closest indexed word for a slip, and the best articles of a query. The queries are the answer engine's
 * own Lucene queries; an engine over a server translates them. An index that holds passage vectors of the question
 * model and can search them itself (a cluster with the k-NN plugin) also answers the two reads of meaning: the
 * articles nearest to a question and their passages' similarities. The embedded index is read by meaning through its
 * searcher instead, and keeps the defaults (no vectors here).
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
   * Whether {@link #ranking}, {@link #nearest}, {@link #articles} and {@link #passages} answer: the index holds
   * passage vectors of the model the question is embedded with. {@code false} by default: words alone.
   */
  default boolean searchesByMeaning() throws IOException {
    return false;
  }

  /**
   * The ids of the best {@code n} articles for {@code query} with their scores, as {@link #top} ranks them: the
   * keyword side of a ranking by words and meaning, whose articles are read only once fused ({@link #articles}).
   */
  default List<Scored> ranking(Query query, int n, BM25Similarity similarity) throws IOException {
    return top(query, n, similarity).stream().map(found -> new Scored(found.article().id(), found.score())).toList();
  }

  /**
   * The ids of the {@code k} articles whose best passage is nearest in meaning to {@code question}, best first, each
   * with that passage's cosine similarity, as the embedded index's {@code SemanticSide.articles} finds them.
   *
   * @param question the question's unit vector
   * @param restrictions the query language's filters and exclusions over article fields, or {@code null}; they
   *     restrict the nearest-neighbour search itself, so a filtered search still returns k articles
   */
  default List<Scored> nearest(float[] question, Query restrictions, int k) throws IOException {
    return List.of();
  }

  /** The articles with these ids, by id; an id the index lacks is absent. */
  default Map<String, Article> articles(Collection<String> ids) throws IOException {
    return Map.of();
  }

  /**
   * The stored passages of the articles with these ids, each article's in body order, with their cosine similarity
   * to {@code question}; an article without passages is absent.
   */
  default Map<String, List<StoredPassage>> passages(Collection<String> ids, float[] question) throws IOException {
    return Map.of();
  }

  /** An article's id and score (by words, or the cosine similarity, -1 to 1, of its passage nearest in meaning). */
  record Scored(String id, double score) {}

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
