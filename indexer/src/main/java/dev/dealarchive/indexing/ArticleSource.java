package dev.dealarchive.indexing;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.read.ArticleReader;
import dev.dealarchive.read.ReadOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The articles of one input, pulled one at a time by the indexer (as Anserini's {@code IndexCollection} pulls from a
 * collection): the source yields, the indexer stores. A failure of the input comes out of {@link #next} on the
 * indexer's thread, as the reader threw it; a failure of the index comes out of the indexer's own code. Neither is
 * carried through the other.
 */
interface ArticleSource extends AutoCloseable {

  /**
   * The next thing found in the input, or null when it is exhausted.
   *
   * @throws dev.dealarchive.read.InputProblem when the input as a whole cannot be used (after what was yielded)
   * @throws IOException when the input cannot be read
   */
  ReadEvent next() throws IOException;

  /** Stops reading; what was not pulled is dropped. */
  @Override
  void close();

  /** A file, read by {@code reader} on its own thread a bounded distance ahead of the indexer. */
  static ArticleSource reading(ArticleReader reader, Path file, ReadOptions options) {
    return new ReaderSource(reader, file, options);
  }

  /** Drafts already in memory (a feed poll, a fetched page). */
  static ArticleSource of(List<ArticleDraft> drafts) {
    Iterator<ArticleDraft> remaining = drafts.iterator();
    return new ArticleSource() {
      @Override
      public ReadEvent next() {
        return remaining.hasNext() ? new ReadEvent.Found(remaining.next()) : null;
      }

      @Override
      public void close() {}
    };
  }
}
