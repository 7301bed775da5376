package dev.dealarchive.hybrid;

import dev.dealarchive.embed.Passage;
import dev.dealarchive.embed.VectorSearch;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BitSet;

/** The semantic side of retrieval: articles by their passage nearest in meaning to a question. Stateless. */
public final class SemanticSide {
  private SemanticSide() {}

  /**
   * A stored passage of an article and how close it is in meaning to the question.
   *
   * @param start where it starts in the article's body
   * @param end where it ends, exclusive
   * @param cosine cosine similarity with the question, -1 to 1
   */
  public record StoredPassage(int start, int end, double cosine) {}

  /** Whether the searcher's index holds passage vectors. */
  public static boolean hasVectors(IndexSearcher searcher) {
    return VectorSearch.hasVectors(searcher.getIndexReader());
  }

  /**
   * The {@code k} articles nearest in meaning, best first, each scored by its best passage's cosine similarity.
   *
   * @param restrictions the query language's filters and exclusions as clauses of a Boolean query over article
   *     fields, or {@code null}; they restrict the kNN search itself, so a filtered search still returns k articles
   */
  public static ScoreDoc[] articles(IndexSearcher searcher, float[] question, Query restrictions, int k)
      throws IOException {
    Query filter = null;
    if (restrictions != null) {
      filter =
          new BooleanQuery.Builder()
              .add(ArticleBlocks.articles(), Occur.FILTER)
              .add(restrictions, Occur.FILTER)
              .build();
    }
    List<VectorSearch.PassageHit> hits = VectorSearch.search(searcher, question, filter, k);
    ScoreDoc[] docs = new ScoreDoc[hits.size()];
    for (int i = 0; i < docs.length; i++) {
      // (1 + cos) / 2 back to the cosine, the scale the confidence thresholds are measured on.
      docs[i] = new ScoreDoc(hits.get(i).articleDoc(), 2 * hits.get(i).score() - 1);
    }
    return docs;
  }

  /**
   * The stored passages of an article with their similarity to the question, in body order; empty without vectors.
   * The passages are read with {@code stored}: one instance for a question's articles keeps the compressed block it
   * last read, and an article's passages share its block.
   */
  public static List<StoredPassage> passages(
      IndexSearcher searcher, StoredFields stored, int articleDoc, float[] question) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(articleDoc, leaves));
    int local = articleDoc - leaf.docBase;
    FloatVectorValues vectors = leaf.reader().getFloatVectorValues(ArchiveFields.PASSAGE_VECTOR);
    BitSet parents = ArticleBlocks.parents().getBitSet(leaf);
    if (vectors == null || parents == null || local == 0) {
      return List.of();
    }
    int first = local == 0 ? 0 : parents.prevSetBit(local - 1) + 1;
    List<StoredPassage> passages = new ArrayList<>(local - first);
    KnnVectorValues.DocIndexIterator iterator = vectors.iterator();
    for (int doc = first; doc < local; doc++) {
      int at = iterator.docID() < doc ? iterator.advance(doc) : iterator.docID();
      if (at != doc) {
        continue;
      }
      float[] vector = vectors.vectorValue(iterator.index());
      Passage passage = VectorSearch.passage(stored, leaf.docBase + doc);
      passages.add(new StoredPassage(passage.start(), passage.end(), dot(vector, question)));
    }
    return passages;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      sum += (double) a[i] * b[i];
    }
    return sum;
  }
}
