package dev.dealarchive.indexing;

import dev.dealarchive.article.ArticleDraft;

/** What an {@link ArticleSource} yields: an article, a record it skipped, or a warning about a kept article. */
sealed interface ReadEvent {
  /** An article was read. */
  record Found(ArticleDraft draft) implements ReadEvent {}

  /** One record could not be read and was skipped; the rest of the input was read on. */
  record Skipped(int line, String reason) implements ReadEvent {}

  /** Something was wrong but the article was kept, such as an unparseable date. */
  record Warned(int line, String message) implements ReadEvent {}
}
