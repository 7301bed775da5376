package dev.dealarchive.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The readers of every input format, by file extension. Files with any other extension are not articles.
 *
 * <table>
 *   <caption>Extensions</caption>
 *   <tr><td>{@code md}, {@code markdown}</td><td>{@link MarkdownReader}</td></tr>
 *   <tr><td>{@code txt}</td><td>{@link TextReader}</td></tr>
 *   <tr><td>{@code html}, {@code htm}</td><td>{@link HtmlReader}</td></tr>
 *   <tr><td>{@code json}, {@code jsonl}, {@code ndjson}</td><td>{@link JsonReader}</td></tr>
 *   <tr><td>{@code xml}, {@code rss}, {@code atom}</td><td>{@link FeedReader}</td></tr>
 * </table>
 */
public final class Readers {
  private static final Map<String, ArticleReader> BY_EXTENSION = byExtension();

  private Readers() {}

  /**
   * The reader for {@code file}, chosen by its extension, ignoring case.
   *
   * @return the reader, or empty when the file is not in an input format
   */
  public static Optional<ArticleReader> forFile(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String fileName = name.toString();
    int dot = fileName.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
  }

  /** Every extension a reader exists for, lower case, without the dot, sorted. */
  public static Set<String> extensions() {
    return BY_EXTENSION.keySet();
  }

  private static Map<String, ArticleReader> byExtension() {
    ArticleReader markdown = new MarkdownReader();
    ArticleReader json = new JsonReader();
    ArticleReader feed = new FeedReader();
    ArticleReader html = new HtmlReader();
    TreeMap<String, ArticleReader> readers = new TreeMap<>();
    readers.put("md", markdown);
    readers.put("markdown", markdown);
    readers.put("txt", new TextReader());
    readers.put("html", html);
    readers.put("htm", html);
    readers.put("json", json);
    readers.put("jsonl", json);
    readers.put("ndjson", json);
    readers.put("xml", feed);
    readers.put("rss", feed);
    readers.put("atom", feed);
    return Collections.unmodifiableSortedMap(readers);
  }
}
