package dev.dealarchive.hybrid;

import dev.dealarchive.search.QueryLanguage;
import dev.dealarchive.search.QueryPart;
import dev.dealarchive.search.Reranker;
import dev.dealarchive.search.RelevanceTop;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Relevance-sorted search by words and meaning: the matches of the search (every word required, filters applied)
 * ranked by the fusion of their keyword score and their nearest passage's similarity. The search query itself is the
 * kNN filter, so only articles the search matches are returned and its total stays exact.
 */
public final class HybridReranker implements Reranker {
  private final QueryEmbedder embedder;
  private final HybridSettings settings;

  public HybridReranker(QueryEmbedder embedder, HybridSettings settings) {
    this.embedder = embedder;
    this.settings = settings;
  }

  @Override
  public TopDocs rerank(IndexSearcher searcher, String text, Query query, int wanted) throws IOException {
    if (settings.mode() == RetrievalMode.KEYWORD || !SemanticSide.hasVectors(searcher) || !embedder.isAvailable()) {
      return null;
    }
    Optional<float[]> vector = embedder.embed(meaningText(text));
    if (vector.isEmpty()) {
      return null;
    }
    int depth = Math.max(wanted, settings.semanticDepth());
    ScoreDoc[] semantic = SemanticSide.articles(searcher, vector.get(), query, depth);
    ScoreDoc[] keyword =
        settings.mode() == RetrievalMode.SEMANTIC ? new ScoreDoc[0] : RelevanceTop.top(searcher, query, depth).scoreDocs;
    List<Fusion.Fused> fused = Fusion.fuse(keyword, semantic, settings);
    ScoreDoc[] top = new ScoreDoc[Math.min(wanted, fused.size())];
    for (int i = 0; i < top.length; i++) {
      top[i] = new ScoreDoc(fused.get(i).doc(), (float) fused.get(i).score());
    }
    return new TopDocs(new TotalHits(fused.size(), TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO), top);
  }

  /**
   * A search or question as the model should read it: its words in order, the query language's filters and
   * exclusions left out (they restrict the search; they say nothing of the meaning).
   */
  public static String meaningText(String text) {
    StringBuilder words = new StringBuilder();
    for (QueryPart.Group group : QueryLanguage.parse(text).required()) {
      List<String> alternatives = group.alternatives().stream().map(QueryPart::text).toList();
      words.append(words.isEmpty() ? "" : " ").append(String.join(" or ", alternatives));
    }
    return words.isEmpty() ? text.strip() : words.toString();
  }
}
