package dev.dealarchive.opensearch;

import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.indexing.ArchiveAnalyzers;
import dev.dealarchive.indexing.ArticleDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Copies an archive between engines, so that the target holds exactly the source's articles: into a cluster index
 * (created when missing; articles whose content hash differs are written, articles the source lacks are deleted) or
 * into an index folder (written anew). The files kept beside an index (manifest, feed state, synonyms) go along.
 * Ends by comparing the ids and counts of both sides.
 */
public final class Migration {
  private Migration() {}

  /**
   * The outcome of a copy.
   *
   * @param sourceArticles articles the source holds
   * @param written articles written to the target (new or changed)
   * @param deleted articles deleted from the target because the source lacks them
   * @param missing ids the source has and the target lacks after the copy (empty when it worked)
   * @param extra ids the target has and the source lacks after the copy (empty when it worked)
   */
  public record Result(long sourceArticles, long written, long deleted, List<String> missing, List<String> extra) {
    public boolean complete() {
      return missing.isEmpty() && extra.isEmpty();
    }
  }

  /**
   * Copies {@code source} into the cluster {@code client} talks to; {@code stateFolder} may be null. When it is the
   * source's index folder, the articles are read from it with their passage vectors, which go along where the cluster
   * index can hold them.
   */
  public static Result toCluster(ArchiveEngine source, Path stateFolder, ClusterClient client, int shards, int replicas)
      throws IOException {
    if (IndexSchema.exists(client)) {
      IndexSchema.require(client);
    } else {
      IndexSchema.create(client, shards, replicas);
    }
    ClusterArticles target = new ClusterArticles(client);
    Map<String, String> before = target.hashes();
    Set<String> sourceIds = new TreeSet<>();
    long written;
    long deleted;
    try (BulkWriter bulk = new BulkWriter(client)) {
      if (stateFolder != null && WorkingCopy.hasIndex(stateFolder)) {
        // An index folder: read directly, so its articles go with their passages and vectors.
        FolderArticles.send(stateFolder, article -> {
          sourceIds.add(article.id());
          return !article.contentHash().equals(before.get(article.id()));
        }, client, bulk);
      } else {
        source.forEachArticle(article -> {
          sourceIds.add(article.id());
          if (!article.contentHash().equals(before.get(article.id()))) {
            bulk.put(article);
          }
        });
      }
      for (String id : before.keySet()) {
        if (!sourceIds.contains(id)) {
          bulk.delete(id);
        }
      }
      bulk.flush();
      written = bulk.written();
      deleted = bulk.deleted();
    }
    client.call("POST", "/" + client.config().index() + "/_refresh", null);
    ClusterState state = new ClusterState(client);
    if (stateFolder != null && Files.isDirectory(stateFolder)) {
      state.upload(stateFolder);
    } else {
      state.ensure();
    }
    return compare(sourceIds, target.hashes().keySet(), written, deleted);
  }

  /** Copies the cluster's archive into {@code folder}, which must not hold an index already. */
  public static Result toFolder(ClusterClient client, Path folder) throws IOException {
    if (!IndexSchema.exists(client)) {
      throw new IOException("there is no OpenSearch index \"" + client.config().index() + "\" to copy");
    }
    IndexSchema.require(client);
    if (WorkingCopy.hasIndex(folder)) {
      throw new IOException(folder + " holds an index already; give an empty or new folder to copy into");
    }
    Files.createDirectories(folder);
    Set<String> sourceIds = new TreeSet<>();
    long[] written = {0};
    ClusterArticles source = new ClusterArticles(client);
    try (Directory directory = FSDirectory.open(folder);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()))) {
      source.forEach(article -> {
        sourceIds.add(article.id());
        writer.addDocument(ArticleDocuments.toDocument(article));
        written[0]++;
      });
      WorkingCopy.commit(writer);
    }
    new ClusterState(client).download(folder);
    Files.deleteIfExists(folder.resolve(WorkingCopy.MARKER));
    Set<String> copied = new TreeSet<>();
    WorkingCopy.forEach(folder, article -> copied.add(article.id()));
    return compare(sourceIds, copied, written[0], 0);
  }

  private static Result compare(Set<String> source, Set<String> target, long written, long deleted) {
    List<String> missing = new ArrayList<>();
    for (String id : source) {
      if (!target.contains(id)) {
        missing.add(id);
      }
    }
    List<String> extra = new ArrayList<>();
    for (String id : target) {
      if (!source.contains(id)) {
        extra.add(id);
      }
    }
    return new Result(source.size(), written, deleted, missing, extra);
  }
}
