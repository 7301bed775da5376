package dev.dealarchive.read;

import dev.dealarchive.article.ArticleDraft;

/** Receives what a reader finds in one file. */
public interface ReadListener {

  /** An article was read. Drafts with neither title nor body are passed on too; the indexer skips them. */
  void article(ArticleDraft draft);

  /**
   * One record of the file could not be read and was skipped.
   *
   * @param line 1-based line of the record, or 0 when unknown
   * @param reason why, in words a user understands
   */
  void skipped(int line, String reason);

  /**
   * Something was wrong but the article was kept, such as an unparseable date.
   *
   * @param line 1-based line, or 0 when unknown
   * @param message what was wrong and what was done about it
   */
  void warning(int line, String message);
}
