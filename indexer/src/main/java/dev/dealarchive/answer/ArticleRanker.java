package dev.dealarchive.answer;

import dev.dealarchive.article.Article;
import dev.dealarchive.hybrid.Fusion;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.hybrid.SemanticSide;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.RelevanceTop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Ranks articles for a question by words (BM25F), by meaning (the nearest passage) or both fused, with the query
 * language's filters, exclusions and quoted phrases restricting both sides alike. Stateless.
 */
final class ArticleRanker {
  private ArticleRanker() {}

  /**
   * An article ranked for a question.
   *
   * @param doc the article document
   * @param score its retrieval score (BM25F, cosine, or fused, by mode), higher is better
   * @param relevance how close it comes to the best article, 0 to 1: its score over the best score (the keyword
   *     side's when it has one, since fused min-max values put even a near tie at the bottom of a short list)
   */
  record Ranked(int doc, double score, double relevance) {}

  /**
   * An article ranked by words alone through an {@link AnswerIndex}, as {@link Ranked} with the article read, and
   * its body's stored sentences ({@code null} when the index has none).
   */
  record RankedArticle(Article article, double score, double relevance, List<Passages.Sentence> sentences) {}

  /**
   * The best {@code depth} articles by words alone (BM25F), best first, from any index: the embedded one or a
   * cluster running the same query ({@link AnswerIndex#top}).
   */
  static List<RankedArticle> keyword(
      AnswerIndex index,
      Question question,
      List<ConceptGroup> groups,
      int depth,
      AnswerSettings settings,
      BM25Similarity similarity)
      throws IOException {
    List<AnswerIndex.Ranked> top = index.top(KeywordQuery.build(question, groups, settings), depth, similarity);
    List<RankedArticle> ranked = new ArrayList<>(top.size());
    float best = top.isEmpty() ? 0 : top.get(0).score();
    for (AnswerIndex.Ranked found : top) {
      double relevance = best > 0 ? Math.max(0, found.score() / best) : 1;
      ranked.add(new RankedArticle(found.article(), found.score(), relevance, found.sentences()));
    }
    return ranked;
  }

  /**
   * The best {@code depth} articles, best first.
   *
   * @param vector the question's vector, or {@code null} to rank by words alone
   */
  static List<Ranked> rank(
      IndexSearcher scoring,
      Question question,
      List<ConceptGroup> groups,
      float[] vector,
      int depth,
      AnswerSettings settings,
      HybridSettings hybrid)
      throws IOException {
    RetrievalMode mode = vector == null ? RetrievalMode.KEYWORD : hybrid.mode();
    int sideDepth = mode == RetrievalMode.HYBRID ? Math.max(depth, hybrid.semanticDepth()) : depth;
    ScoreDoc[] keyword = new ScoreDoc[0];
    if (mode != RetrievalMode.SEMANTIC) {
      TopDocs top = RelevanceTop.top(scoring, KeywordQuery.build(question, groups, settings), sideDepth);
      keyword = top.scoreDocs;
    }
    ScoreDoc[] semantic = new ScoreDoc[0];
    if (mode != RetrievalMode.KEYWORD) {
      Query restrictions = KeywordQuery.restrictions(question.query());
      semantic = SemanticSide.articles(scoring, vector, restrictions, sideDepth);
    }
    return choose(mode, keyword, semantic, depth, hybrid);
  }

  /**
   * The best {@code depth} of the two sides' rankings as {@code mode} says: one side alone (relevance: its score over
   * the side's best) or both fused by {@link Fusion}; the {@link Ranked#doc} numbers are the sides' own.
   */
  private static List<Ranked> choose(
      RetrievalMode mode, ScoreDoc[] keyword, ScoreDoc[] semantic, int depth, HybridSettings hybrid) {
    List<Ranked> ranked = new ArrayList<>(Math.min(depth, keyword.length + semantic.length));
    if (mode == RetrievalMode.KEYWORD || mode == RetrievalMode.SEMANTIC) {
      ScoreDoc[] side = mode == RetrievalMode.KEYWORD ? keyword : semantic;
      for (int i = 0; i < Math.min(depth, side.length); i++) {
        ScoreDoc doc = side[i];
        ranked.add(new Ranked(doc.doc, doc.score, side[0].score > 0 ? Math.max(0, doc.score / side[0].score) : 1));
      }
      return ranked;
    }
    for (Fusion.Fused fused : Fusion.fuse(keyword, semantic, hybrid)) {
      if (ranked.size() == depth) {
        break;
      }
      double relevance = keyword.length > 0 ? fused.keywordRatio() : fused.semantic();
      ranked.add(new Ranked(fused.doc(), fused.score(), relevance));
    }
    return ranked;
  }

  /**
   * The best {@code depth} articles of an index that searches by meaning itself ({@link
   * AnswerIndex#searchesByMeaning}, a cluster), best first: the same two sides, depths and {@link Fusion} as {@link
   * #rank} on the embedded index, the sides' articles told apart by id instead of document number, and only the
   * fused best read.
   *
   * @param vector the question's vector
   */
  static List<RankedArticle> rank(
      AnswerIndex index,
      Question question,
      List<ConceptGroup> groups,
      float[] vector,
      int depth,
      AnswerSettings settings,
      HybridSettings hybrid,
      BM25Similarity similarity)
      throws IOException {
    RetrievalMode mode = hybrid.mode();
    if (mode == RetrievalMode.KEYWORD) {
      return keyword(index, question, groups, depth, settings, similarity);
    }
    int sideDepth = mode == RetrievalMode.HYBRID ? Math.max(depth, hybrid.semanticDepth()) : depth;
    List<AnswerIndex.Scored> keywordSide =
        mode == RetrievalMode.SEMANTIC
            ? List.of()
            : index.ranking(KeywordQuery.build(question, groups, settings), sideDepth, similarity);
    List<AnswerIndex.Scored> semanticSide =
        index.nearest(vector, KeywordQuery.restrictions(question.query()), sideDepth);
    // Fusion tells articles apart by number: each gets one, the keyword side's first (ties then fall in its order).
    Map<String, Integer> numbers = new HashMap<>();
    List<String> ids = new ArrayList<>();
    ScoreDoc[] keyword = scoreDocs(keywordSide, numbers, ids);
    ScoreDoc[] semantic = scoreDocs(semanticSide, numbers, ids);
    List<Ranked> best = choose(mode, keyword, semantic, depth, hybrid);
    Map<String, Article> articles = index.articles(best.stream().map(b -> ids.get(b.doc())).toList());
    List<RankedArticle> ranked = new ArrayList<>(best.size());
    for (Ranked b : best) {
      Article article = articles.get(ids.get(b.doc()));
      if (article != null) { // deleted since it was ranked
        ranked.add(new RankedArticle(article, b.score(), b.relevance(), null));
      }
    }
    return ranked;
  }

  private static ScoreDoc[] scoreDocs(List<AnswerIndex.Scored> side, Map<String, Integer> numbers, List<String> ids) {
    ScoreDoc[] docs = new ScoreDoc[side.size()];
    for (int i = 0; i < docs.length; i++) {
      int number = numbers.computeIfAbsent(side.get(i).id(), id -> {
        ids.add(id);
        return ids.size() - 1;
      });
      docs[i] = new ScoreDoc(number, (float) side.get(i).score());
    }
    return docs;
  }
}
