package dev.dealarchive.answer;

import dev.dealarchive.hybrid.Fusion;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.hybrid.SemanticSide;
import dev.dealarchive.search.RelevanceTop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

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
   */
  record Ranked(int doc, double score) {}

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
      TopDocs top = RelevanceTop.search(scoring, KeywordQuery.build(question, groups, settings), sideDepth);
      keyword = top.scoreDocs;
    }
    ScoreDoc[] semantic = new ScoreDoc[0];
    if (mode != RetrievalMode.KEYWORD) {
      Query restrictions = KeywordQuery.restrictions(question.query());
      semantic = SemanticSide.articles(scoring, vector, restrictions, sideDepth);
    }
    List<Ranked> ranked = new ArrayList<>(Math.min(depth, keyword.length + semantic.length));
    if (mode == RetrievalMode.KEYWORD || mode == RetrievalMode.SEMANTIC) {
      for (ScoreDoc doc : mode == RetrievalMode.KEYWORD ? keyword : semantic) {
        ranked.add(new Ranked(doc.doc, doc.score));
      }
      return ranked;
    }
    for (Fusion.Fused fused : Fusion.fuse(keyword, semantic, hybrid)) {
      if (ranked.size() == depth) {
        break;
      }
      ranked.add(new Ranked(fused.doc(), fused.score()));
    }
    return ranked;
  }
}
