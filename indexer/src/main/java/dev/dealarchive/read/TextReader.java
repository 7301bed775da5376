package dev.dealarchive.read;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one article from a plain text file ({@code .txt}): the first non-empty line is the title, the rest the body,
 * with hard-wrapped lines joined into one line per paragraph.
 */
public final class TextReader implements ArticleReader {

  @Override
  public String format() {
    return "text";
  }

  @Override
  public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
    listener.article(parse(TextFiles.read(file, options.maxBytes())));
  }

  /** The article in plain {@code text}. */
  static ArticleDraft parse(String text) {
    List<String> lines = text.lines().toList();
    int titleLine = 0;
    while (titleLine < lines.size() && lines.get(titleLine).isBlank()) {
      titleLine++;
    }
    String title = titleLine < lines.size() ? lines.get(titleLine) : "";
    String body =
        titleLine + 1 < lines.size()
            ? ParagraphBuilder.fromPlainText(String.join("\n", lines.subList(titleLine + 1, lines.size())))
            : "";
    return new ArticleDraft(null, title, body, null, null, null, List.of(), List.of(), 0);
  }
}
