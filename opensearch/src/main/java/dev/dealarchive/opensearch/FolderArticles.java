package dev.dealarchive.opensearch;

import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.indexing.StoredArticles;
import dev.dealarchive.indexing.VectorState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Predicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSet;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The articles of an index folder (a working copy, or an embedded archive being copied to the cluster) written to the
 * cluster with their passages and vectors: an article embedded with the folder's model goes with its passages when
 * the cluster index can hold them, and the first such article makes the index ready for that model, or is refused
 * ({@link ClusterVectors#prepare}) before anything is sent.
 */
final class FolderArticles {
  private static final Logger LOG = LoggerFactory.getLogger(FolderArticles.class);

  private FolderArticles() {}

  /**
   * Queues on {@code bulk} every live article of {@code folder}'s last commit that {@code wanted} accepts.
   *
   * @return how many of them went without vectors while the folder has a model (not embedded there yet)
   */
  static long send(Path folder, Predicate<Article> wanted, ClusterClient client, BulkWriter bulk) throws IOException {
    try (Directory directory = FSDirectory.open(folder);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      VectorState vectors = VectorState.of(reader.getIndexCommit().getUserData());
      ClusterVectors.Model model =
          vectors.modelKey() == null ? null : new ClusterVectors.Model(vectors.modelKey(), vectors.dimension());
      Boolean canHold = null;
      long withoutVectors = 0;
      for (LeafReaderContext leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        BitSet parents = ArticleBlocks.parents().getBitSet(leaf);
        StoredFields stored = leaf.reader().storedFields();
        for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
          if (parents == null || !parents.get(doc) || (live != null && !live.get(doc))) {
            continue;
          }
          Document document = stored.document(doc);
          Article article = StoredArticles.toArticle(document);
          if (article.id() == null || !wanted.test(article)) {
            continue;
          }
          ArticleBlocks.StoredPassages passages =
              model != null && model.key().equals(document.get(ArchiveFields.EMBEDDED_WITH))
                  ? ArticleBlocks.storedPassages(leaf.reader(), parents, stored, doc)
                  : null;
          if (passages != null && canHold == null) {
            canHold = ClusterVectors.indexCanHoldVectors(client);
            if (canHold) {
              ClusterVectors.prepare(client, model);
            } else {
              LOG.warn("the OpenSearch index \"{}\" was made without the k-NN plugin (index.knn), so it holds no"
                  + " passage vectors: articles are written for search by words alone", client.config().index());
            }
          }
          if (passages == null || !canHold) {
            withoutVectors += model != null ? 1 : 0;
            passages = null;
          }
          bulk.put(article, passages);
        }
      }
      if (withoutVectors > 0 && Boolean.TRUE.equals(canHold)) {
        LOG.warn("{} articles were written without passage vectors (not embedded in {} yet)", withoutVectors, folder);
      }
      return withoutVectors;
    }
  }
}
