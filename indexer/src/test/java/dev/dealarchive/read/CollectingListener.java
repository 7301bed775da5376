package dev.dealarchive.read;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Records what a reader reports, for assertions. */
final class CollectingListener implements ReadListener {
  /** A skipped record or a warning, with its line. */
  record Report(int line, String message) {}

  final List<ArticleDraft> articles = new ArrayList<>();
  final List<Report> skipped = new ArrayList<>();
  final List<Report> warnings = new ArrayList<>();

  /** Reads {@code file} with default options and returns what was reported. */
  static CollectingListener read(ArticleReader reader, Path file) throws IOException {
    CollectingListener listener = new CollectingListener();
    reader.read(file, ReadOptions.defaults(), listener);
    return listener;
  }

  /** The only article read; fails when there is not exactly one. */
  ArticleDraft single() {
    if (articles.size() != 1) {
      throw new AssertionError("expected one article, got " + articles.size() + ": " + articles);
    }
    return articles.get(0);
  }

  @Override
  public void article(ArticleDraft draft) {
    articles.add(draft);
  }

  @Override
  public void skipped(int line, String reason) {
    skipped.add(new Report(line, reason));
  }

  @Override
  public void warning(int line, String message) {
    warnings.add(new Report(line, message));
  }
}
