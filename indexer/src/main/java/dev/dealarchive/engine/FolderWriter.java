package dev.dealarchive.engine;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.fetch.PendingAdds;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.EmbedSummary;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.IndexSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/** The write session of an {@link IndexFolder}: its {@link ArchiveIndexer} and its queue of added pages. */
final class FolderWriter implements ArchiveWriter {
  private final IndexFolder folder;
  private final ArchiveIndexer indexer;
  private final Runnable afterClose;
  private boolean closed;

  /** @param afterClose run once when the session closes, after the indexer (an engine releases its write permit) */
  FolderWriter(IndexFolder folder, ArchiveIndexer indexer, Runnable afterClose) {
    this.folder = folder;
    this.indexer = indexer;
    this.afterClose = afterClose;
  }

  @Override
  public IndexSummary index(List<Path> inputs, IndexOptions options, IndexProgress progress) throws IOException {
    return indexer.index(inputs, options, progress);
  }

  @Override
  public IndexSummary indexChanges(Collection<Path> paths, IndexOptions options, IndexProgress progress)
      throws IOException {
    return indexer.indexChanges(paths, options, progress);
  }

  @Override
  public IndexSummary indexDrafts(String origin, List<ArticleDraft> drafts) throws IOException {
    return indexer.indexDrafts(origin, drafts);
  }

  @Override
  public IndexSummary reindex(IndexOptions options, IndexProgress progress) throws IOException {
    return indexer.reindex(options, progress);
  }

  @Override
  public List<Path> recordedInputs() {
    return indexer.recordedInputs();
  }

  @Override
  public IndexSummary remove(String input) throws IOException {
    return indexer.remove(input);
  }

  @Override
  public List<IndexSummary> storeQueuedAdds() throws IOException {
    return PendingAdds.drain(folder.path(), indexer::indexDrafts);
  }

  @Override
  public EmbedSummary embed(IndexProgress progress) throws IOException {
    return indexer.embed(progress);
  }

  @Override
  public EmbedSummary lastEmbedding() {
    return indexer.lastEmbedding();
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      indexer.close();
    } finally {
      afterClose.run();
    }
  }
}
