package dev.dealarchive.indexing;

import dev.dealarchive.article.Article;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.Passage;
import dev.dealarchive.embed.PassageSplitter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * Gives vectors to the articles that wait for them: every article not marked as embedded with the current model
 * (new, changed, or embedded with another model). Each is read back from its stored fields (no input is read again),
 * cut into passages, embedded on a few worker threads, and written again as one block (passages, then the article
 * marked with the model) in place of the old one. Nothing is committed here: the caller commits once at the end, so
 * a crash leaves the articles waiting, never half embedded, and a rerun embeds them once.
 */
final class EmbeddingPass {
  /** Passages given to the model in one call: large enough to amortize the call, small for a smooth progress bar. */
  private static final int BATCH_PASSAGES = 32;

  private EmbeddingPass() {}

  /** The articles waiting for vectors of the model {@code modelKey}. */
  static Query waiting(String modelKey) {
    return new BooleanQuery.Builder()
        .add(ArticleBlocks.articles(), Occur.FILTER)
        .add(new TermQuery(new Term(ArchiveFields.EMBEDDED_WITH, modelKey)), Occur.MUST_NOT)
        .build();
  }

  record Result(long articles, long passages, long reused) {}

  /** The model, opened on first use: a rebuild that reuses every vector never loads it. Thread-safe. */
  interface Model {
    Embedder get() throws IOException;
  }

  /**
   * Embeds the waiting articles.
   *
   * @param previous the index as it was before a rebuild, or null: an article whose content is unchanged there and
   *     whose passages come from the same model gets those passages and vectors back instead of being embedded again
   */
  static Result run(
      IndexWriter writer, Model model, String modelKey, int workers, IndexProgress progress, DirectoryReader previous)
      throws IOException {
    IndexSearcher before = previous == null ? null : new IndexSearcher(previous);
    if (before != null) {
      before.setQueryCache(null);
    }
    try (DirectoryReader snapshot = DirectoryReader.open(writer)) {
      IndexSearcher searcher = new IndexSearcher(snapshot);
      searcher.setQueryCache(null);
      List<int[]> waiting = waitingDocs(searcher, waiting(modelKey));
      long total = waiting.stream().mapToLong(leafDocs -> leafDocs.length - 1).sum();
      if (total == 0) {
        return new Result(0, 0, 0);
      }
      progress.embeddingStarted(total);
      try (Workers pool = new Workers(writer, model, modelKey, workers, progress)) {
        List<Work> batch = new ArrayList<>();
        int batchPassages = 0;
        List<LeafReaderContext> leaves = snapshot.leaves();
        for (int[] leafDocs : waiting) {
          LeafReaderContext leaf = leaves.get(leafDocs[0]);
          StoredFields stored = leaf.reader().storedFields();
          for (int i = 1; i < leafDocs.length; i++) {
            Article article = StoredArticles.read(stored.document(leafDocs[i], StoredArticles.FIELDS));
            if (before != null && pool.reuse(before, article)) {
              continue;
            }
            List<Passage> passages = PassageSplitter.split(article.body());
            batch.add(new Work(article, passages));
            batchPassages += passages.size();
            if (batchPassages >= BATCH_PASSAGES) {
              pool.submit(batch);
              batch = new ArrayList<>();
              batchPassages = 0;
            }
          }
        }
        if (!batch.isEmpty()) {
          pool.submit(batch);
        }
        pool.awaitAll();
        return new Result(pool.articles.get(), pool.passages.get(), pool.reused.get());
      }
    }
  }

  /** Per leaf with waiting articles: the leaf's ordinal, then its waiting live doc ids, in order. */
  private static List<int[]> waitingDocs(IndexSearcher searcher, Query query) throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
    List<int[]> result = new ArrayList<>();
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      Scorer scorer = weight.scorer(leaf);
      if (scorer == null) {
        continue;
      }
      Bits live = leaf.reader().getLiveDocs();
      int[] docs = new int[16];
      int count = 1;
      docs[0] = leaf.ord;
      DocIdSetIterator iterator = scorer.iterator();
      for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
        if (live == null || live.get(doc)) {
          if (count == docs.length) {
            docs = Arrays.copyOf(docs, count * 2);
          }
          docs[count++] = doc;
        }
      }
      if (count > 1) {
        result.add(Arrays.copyOf(docs, count));
      }
    }
    return result;
  }

  private record Work(Article article, List<Passage> passages) {}

  /** Embeds batches on named threads and writes their blocks; at most two batches per thread wait. */
  private static final class Workers implements AutoCloseable {
    private final IndexWriter writer;
    private final Model model;
    private final String modelKey;
    private final IndexProgress progress;
    private final BoundedWorkers workers;
    final AtomicLong articles = new AtomicLong();
    final AtomicLong passages = new AtomicLong();
    final AtomicLong reused = new AtomicLong();

    Workers(IndexWriter writer, Model model, String modelKey, int threads, IndexProgress progress) {
      this.writer = writer;
      this.model = model;
      this.modelKey = modelKey;
      this.progress = progress;
      // At most two batches per thread wait: enough to keep every worker busy, little memory.
      this.workers = new BoundedWorkers("archive-embedder", threads, threads * 2, "embedding failed");
    }

    void submit(List<Work> batch) throws IOException {
      workers.submit(() -> embedAndWrite(batch));
    }

    private void embedAndWrite(List<Work> batch) throws IOException {
      List<String> texts = new ArrayList<>();
      for (Work work : batch) {
        for (Passage passage : work.passages()) {
          texts.add(passage.embeddingText(work.article().title()));
        }
      }
      List<float[]> vectors = model.get().embedPassages(texts);
      if (vectors.size() != texts.size()) {
        throw new IOException("the model returned " + vectors.size() + " vectors for " + texts.size() + " passages");
      }
      int at = 0;
      for (Work work : batch) {
        int n = work.passages().size();
        write(work.article(), work.passages(), vectors.subList(at, at + n));
        at += n;
        passages.addAndGet(n);
      }
      articles.addAndGet(batch.size());
      progress.articlesEmbedded(batch.size());
    }

    /** Writes an article's block in place of the article (and any passages it had). */
    private void write(Article article, List<Passage> articlePassages, List<float[]> vectors) throws IOException {
      List<Document> block =
          ArticleBlocks.block(ArticleDocuments.toDocument(article), article.id(), articlePassages, vectors, modelKey);
      // In this order: the delete reaches the article's old passages, not the ones added after it.
      writer.deleteDocuments(ArticleBlocks.passagesOf(article.id()));
      writer.updateDocuments(new Term(ArchiveFields.ID, article.id()), block);
    }

    /**
     * Gives {@code article} the passages and vectors it had in {@code before} when its content is the same there and
     * they come from this model; false when it must be embedded.
     */
    boolean reuse(IndexSearcher before, Article article) throws IOException {
      workers.rethrowFailure();
      TopDocs top = before.search(new TermQuery(new Term(ArchiveFields.ID, article.id())), 1);
      if (top.scoreDocs.length == 0) {
        return false;
      }
      int doc = top.scoreDocs[0].doc;
      Document old = before.storedFields().document(doc, Set.of(ArchiveFields.HASH, ArchiveFields.EMBEDDED_WITH));
      if (!article.contentHash().equals(old.get(ArchiveFields.HASH)) || !modelKey.equals(old.get(ArchiveFields.EMBEDDED_WITH))) {
        return false;
      }
      List<LeafReaderContext> leaves = before.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      ArticleBlocks.StoredPassages kept = ArticleBlocks.storedPassages(
          leaf.reader(), ArticleBlocks.parents().getBitSet(leaf), leaf.reader().storedFields(), doc - leaf.docBase);
      if (kept == null) {
        return false;
      }
      write(article, kept.passages(), kept.vectors());
      reused.incrementAndGet();
      progress.articlesEmbedded(1);
      return true;
    }

    void awaitAll() throws IOException {
      workers.awaitAll();
    }

    @Override
    public void close() {
      workers.close();
    }
  }
}
