package dev.dealarchive.read;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one article from a Markdown file ({@code .md}, {@code .markdown}).
 *
 * <p>Optional YAML front matter between {@code ---} lines at the very top gives the fields: {@code id}, {@code
 * title}, {@code date} or {@code published}, {@code source}, {@code url}, {@code authors} or {@code author} (a list or
 * one name) and {@code tags} (a list or a comma-separated string). Other keys are ignored.
 *
 * <p>Without a title in the front matter, the first {@code # } heading is the title and leaves the body; without
 * such a heading, the file name is ({@code revenue-share_news.md} gives {@code "revenue share news"}). A heading that
 * repeats the front matter title leaves the body too. The body is the Markdown with its markup removed and one
 * paragraph per line.
 */
public final class MarkdownReader implements ArticleReader {

  @Override
  public String format() {
    return "markdown";
  }

  /**
   * {@inheritDoc}
   *
   * @throws InputProblem also when the front matter is unterminated, not valid YAML or not a mapping
   */
  @Override
  public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
    String text = TextFiles.read(file, options.maxBytes());
    listener.article(parse(text, file.getFileName().toString(), listener));
  }

  /** The article in Markdown {@code text} read from a file named {@code fileName}; warnings go to the listener. */
  static ArticleDraft parse(String text, String fileName, ReadListener listener) throws InputProblem {
    List<String> lines = text.lines().toList();
    FrontMatter frontMatter = FrontMatter.parse(lines);
    RecordFields fields = new RecordFields(frontMatter.fields());
    List<String> body = new ArrayList<>(lines.subList(frontMatter.bodyStart(), lines.size()));

    String title = fields.text("title");
    int heading = MarkdownText.firstTopHeading(body);
    String headingText = heading < 0 ? null : MarkdownText.headingText(body.get(heading));
    if (title == null || title.isBlank()) {
      title = headingText != null ? headingText : titleFromFileName(fileName);
      if (headingText != null) {
        body.remove(heading);
      }
    } else if (headingText != null && sameText(headingText, title)) {
      body.remove(heading);
    }

    int dateLine = frontMatter.lineOf("date") > 0 ? frontMatter.lineOf("date") : frontMatter.lineOf("published");
    return new ArticleDraft(
        fields.text("id"),
        title,
        MarkdownText.toPlainText(body),
        fields.instant(warning -> listener.warning(dateLine, warning), "date", "published"),
        fields.text("source"),
        fields.text("url"),
        fields.list(false, "authors", "author"),
        fields.list(true, "tags"),
        0);
  }

  /** {@code revenue-share_news.md} gives {@code "revenue share news"}. */
  static String titleFromFileName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    return stem.replaceAll("[-_\\s]+", " ").strip();
  }

  private static boolean sameText(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }
}
