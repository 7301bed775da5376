package dev.dealarchive.embed;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.join.DiversifyingChildrenFloatKnnVectorQuery;
import org.apache.lucene.search.join.ToChildBlockJoinQuery;

/**
 * Nearest passages to a query vector, one per article, restricted by article-level filters.
 *
 * <p>Runs a {@link DiversifyingChildrenFloatKnnVectorQuery} over {@link ArchiveFields#PASSAGE_VECTOR}: the k best
 * articles, each by its best passage. A filter on article fields (the query language's {@code source:}, {@code tag:},
 * dates, {@code -word}: any query that matches only article documents) is carried down to the passages with a
 * {@link ToChildBlockJoinQuery}, so kNN searches only among passages of matching articles (Lucene switches to an exact
 * search when the filter leaves few).
 */
public final class VectorSearch {
  private static final Set<String> PASSAGE_FIELDS =
      Set.of(ArchiveFields.PASSAGE_TEXT, ArchiveFields.PASSAGE_START, ArchiveFields.PASSAGE_END, ArchiveFields.PASSAGE_ORDINAL);

  private VectorSearch() {}

  /**
   * One article found by meaning.
   *
   * @param articleDoc the article document (top-level doc id of the searcher's reader)
   * @param passageDoc its passage document nearest to the query
   * @param score the passage's similarity, {@code (1 + cosine) / 2}, in [0, 1]
   */
  public record PassageHit(int articleDoc, int passageDoc, float score) {}

  /** Whether any document of {@code reader} has a passage vector. */
  public static boolean hasVectors(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      FieldInfo info = leaf.reader().getFieldInfos().fieldInfo(ArchiveFields.PASSAGE_VECTOR);
      if (info != null && info.hasVectorValues()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The {@code k} articles whose best passage is nearest to {@code queryVector}, best first.
   *
   * @param queryVector from {@link Embedder#embedQuery}
   * @param articleFilter a query over article fields that results must match, or {@code null} for all articles
   */
  public static List<PassageHit> search(IndexSearcher searcher, float[] queryVector, Query articleFilter, int k)
      throws IOException {
    if (k < 1 || !hasVectors(searcher.getIndexReader())) {
      return List.of();
    }
    Query passageFilter = articleFilter == null ? null : new ToChildBlockJoinQuery(articleFilter, ArticleBlocks.parents());
    Query knn =
        new DiversifyingChildrenFloatKnnVectorQuery(
            ArchiveFields.PASSAGE_VECTOR, Embedders.normalize(queryVector.clone()), passageFilter, k, ArticleBlocks.parents());
    TopDocs top = searcher.search(knn, k);
    List<PassageHit> hits = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      hits.add(new PassageHit(ArticleBlocks.articleOf(searcher.getIndexReader(), doc.doc), doc.doc, doc.score));
    }
    return hits;
  }

  /** The stored passage of a passage document. */
  public static Passage passage(IndexSearcher searcher, int passageDoc) throws IOException {
    return passage(searcher.storedFields().document(passageDoc, PASSAGE_FIELDS));
  }

  /** The stored passage of a passage document, read with {@code stored} (reuse one for the passages of an article). */
  public static Passage passage(StoredFields stored, int passageDoc) throws IOException {
    return passage(stored.document(passageDoc, PASSAGE_FIELDS));
  }

  /** The passage a stored passage document holds. */
  public static Passage passage(Document doc) {
    return new Passage(
        doc.getField(ArchiveFields.PASSAGE_ORDINAL).numericValue().intValue(),
        doc.getField(ArchiveFields.PASSAGE_START).numericValue().intValue(),
        doc.getField(ArchiveFields.PASSAGE_END).numericValue().intValue(),
        doc.get(ArchiveFields.PASSAGE_TEXT));
  }
}
