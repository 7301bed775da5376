package dev.dealarchive.indexing;

import dev.dealarchive.embed.Embedders;
import dev.dealarchive.embed.Passage;
import dev.dealarchive.embed.VectorSearch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.join.BitSetProducer;
import org.apache.lucene.search.join.QueryBitSetProducer;
import org.apache.lucene.util.BitSet;

/**
 * How articles and their passages are laid out in the index.
 *
 * <p>An article with vectors is one Lucene document block: its passage documents ({@link #passageDocument}), then the
 * article document last, written together with {@code updateDocuments} so they stay adjacent through merges. An
 * article without vectors (keyword-only, or waiting for its vectors) is a block of one. A passage document carries
 * only {@code passage_*} fields, so text queries, filters, term statistics and spelling never see it; the few
 * queries that match everything use {@link #articles()} instead of a match-all query, and counts use {@link
 * #countArticles}.
 *
 * <p>Every article document has doc values on {@link ArchiveFields#ID} and no passage document has, so {@link
 * #articles()} is also the block-join parent filter ({@link #parents()}); indexes written before passages existed
 * need no rebuild.
 *
 * <p>Replacing or deleting an article must remove its passages too: delete by {@link #deleteTerms} (the article's id
 * and its passages' {@link ArchiveFields#PASSAGE_OF}), never by the id alone, or the old passages would attach
 * themselves to whatever block follows them after a merge.
 */
public final class ArticleBlocks {
  /** Parents of the block join, cached per segment. */
  private static final BitSetProducer PARENTS = new QueryBitSetProducer(articles());

  private ArticleBlocks() {}

  /** Matches every article document and no passage document. Use it wherever a match-all query was meant. */
  public static Query articles() {
    return new FieldExistsQuery(ArchiveFields.ID);
  }

  /** The article documents as block-join parents, for {@code ToChildBlockJoinQuery} and diversified kNN queries. */
  public static BitSetProducer parents() {
    return PARENTS;
  }

  /** Number of live articles (the reader's {@code numDocs} also counts passages). */
  public static long countArticles(IndexSearcher searcher) throws IOException {
    if (searcher.getIndexReader().getDocCount(ArchiveFields.PASSAGE_OF) <= 0) {
      return searcher.getIndexReader().numDocs();
    }
    return searcher.count(articles());
  }

  /** Number of live articles in {@code reader}. */
  public static long countArticles(IndexReader reader) throws IOException {
    IndexSearcher searcher = new IndexSearcher(reader);
    searcher.setQueryCache(null);
    return countArticles(searcher);
  }

  /** Whether the document {@code doc} of a leaf is an article (not a passage). */
  public static boolean isArticle(LeafReaderContext leaf, int doc) throws IOException {
    BitSet parents = PARENTS.getBitSet(leaf);
    return parents != null && parents.get(doc);
  }

  /** The terms that delete an article and its passages: pass them all to one {@code deleteDocuments} call. */
  public static Term[] deleteTerms(String id) {
    return new Term[] {new Term(ArchiveFields.ID, id), passagesOf(id)};
  }

  /** Matches the passage documents of the article with this id. */
  public static Term passagesOf(String id) {
    return new Term(ArchiveFields.PASSAGE_OF, id);
  }

  /**
   * The article document that a passage document (a top-level doc id of {@code reader}) belongs to: the next
   * article in its block.
   */
  public static int articleOf(IndexReader reader, int passageDoc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(passageDoc, leaves));
    BitSet parents = PARENTS.getBitSet(leaf);
    int local = passageDoc - leaf.docBase;
    if (parents == null || local >= leaf.reader().maxDoc()) {
      throw new IllegalArgumentException("document " + passageDoc + " is in no article block");
    }
    return leaf.docBase + parents.nextSetBit(local);
  }

  /** The document of one passage of the article {@code articleId}. */
  public static Document passageDocument(String articleId, Passage passage, float[] vector) {
    Document doc = new Document();
    doc.add(new StringField(ArchiveFields.PASSAGE_OF, articleId, Field.Store.YES));
    doc.add(
        new KnnFloatVectorField(
            ArchiveFields.PASSAGE_VECTOR, Embedders.normalize(vector.clone()), VectorSimilarityFunction.DOT_PRODUCT));
    doc.add(new StoredField(ArchiveFields.PASSAGE_TEXT, passage.text()));
    doc.add(new StoredField(ArchiveFields.PASSAGE_START, passage.start()));
    doc.add(new StoredField(ArchiveFields.PASSAGE_END, passage.end()));
    doc.add(new StoredField(ArchiveFields.PASSAGE_ORDINAL, passage.ordinal()));
    return doc;
  }

  /**
   * The block of an article with vectors: one document per passage, then {@code article} marked as embedded with
   * {@code modelKey}. Write it with {@code deleteDocuments(passagesOf(id))} and {@code updateDocuments(new
   * Term(ID, id), block)} in the same commit.
   */
  public static List<Document> block(
      Document article, String articleId, List<Passage> passages, List<float[]> vectors, String modelKey) {
    if (passages.size() != vectors.size()) {
      throw new IllegalArgumentException(passages.size() + " passages but " + vectors.size() + " vectors");
    }
    List<Document> block = new ArrayList<>(passages.size() + 1);
    for (int i = 0; i < passages.size(); i++) {
      block.add(passageDocument(articleId, passages.get(i), vectors.get(i)));
    }
    article.add(new StringField(ArchiveFields.EMBEDDED_WITH, modelKey, Field.Store.YES));
    block.add(article);
    return block;
  }

  /**
   * An article's stored passages and their vectors, in body order: what {@link #block} wrote.
   *
   * @param passages the passages
   * @param vectors each passage's vector, at the same position
   */
  public record StoredPassages(List<Passage> passages, List<float[]> vectors) {}

  /**
   * The passages and vectors (copies) of the article document {@code articleDoc} of a segment, read from the documents
   * of its block before it; {@code null} when it has none, or when one of them holds no vector (a passage document
   * always does, so such a block is not one {@link #block} wrote).
   *
   * @param parents the segment's article documents ({@link #parents()})
   * @param stored the segment's stored fields (one instance for many articles keeps the compressed block it last read)
   */
  public static StoredPassages storedPassages(LeafReader leaf, BitSet parents, StoredFields stored, int articleDoc)
      throws IOException {
    FloatVectorValues values = leaf.getFloatVectorValues(ArchiveFields.PASSAGE_VECTOR);
    int first = articleDoc == 0 ? 0 : parents.prevSetBit(articleDoc - 1) + 1;
    if (values == null || first >= articleDoc) {
      return null;
    }
    List<Passage> passages = new ArrayList<>(articleDoc - first);
    List<float[]> vectors = new ArrayList<>(articleDoc - first);
    KnnVectorValues.DocIndexIterator iterator = values.iterator();
    for (int passageDoc = first; passageDoc < articleDoc; passageDoc++) {
      int at = iterator.docID() < passageDoc ? iterator.advance(passageDoc) : iterator.docID();
      if (at != passageDoc) {
        return null;
      }
      vectors.add(values.vectorValue(iterator.index()).clone());
      passages.add(VectorSearch.passage(stored, passageDoc));
    }
    return new StoredPassages(passages, vectors);
  }

  /**
   * The codec every writer of the archive uses ({@link ArchiveCodec}). Readers need nothing: Lucene finds a segment's
   * codec by the name it recorded.
   */
  public static Codec codec() {
    return new ArchiveCodec();
  }
}
