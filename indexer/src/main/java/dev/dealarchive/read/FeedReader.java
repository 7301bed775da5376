package dev.dealarchive.read;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.dealarchive.article.ArticleDraft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entries of an RSS (0.9x, 1.0, 2.0) or Atom feed ({@code .xml}, {@code .rss}, {@code .atom}), one article
 * per item or entry.
 *
 * <ul>
 *   <li>explicit id: the item's {@code guid} or the entry's {@code id}
 *   <li>url: the link; title: the title
 *   <li>body: the content ({@code content:encoded} in RSS), else the description or summary; HTML becomes text
 *   <li>published: the publication date, else the update date
 *   <li>source: the feed's title; authors: the authors; tags: the categories
 * </ul>
 *
 * Document type declarations are refused, so external entities are never resolved.
 */
public final class FeedReader implements ArticleReader {
  private static final Pattern EMAIL_WITH_NAME = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");
  private static final Pattern ERROR_LINE_PREFIX = Pattern.compile("^Error on line \\d+: ");
  private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<[A-Za-z!/]|&[A-Za-z#][A-Za-z0-9]*;");

  @Override
  public String format() {
    return "feed";
  }

  @Override
  public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
    for (ArticleDraft draft : fromFeed(TextFiles.readBytes(file, options.maxBytes()))) {
      listener.article(draft);
    }
  }

  /**
   * Reads the entries of a feed whose encoding is stated by its XML declaration or byte order mark (UTF-8 when
   * neither says).
   *
   * @param xml the feed document
   * @return one draft per entry, in document order
   * @throws InputProblem when {@code xml} is not well-formed XML or not an RSS or Atom feed
   */
  public static List<ArticleDraft> fromFeed(byte[] xml) throws InputProblem {
    return fromFeed(xml, null);
  }

  /**
   * Reads the entries of a feed fetched over HTTP, whose {@code Content-Type} header may state its encoding.
   *
   * @param xml the feed document
   * @param httpContentType the {@code Content-Type} header, or {@code null} to go by the document alone
   * @return one draft per entry, in document order
   * @throws InputProblem when {@code xml} is not well-formed XML or not an RSS or Atom feed
   */
  public static List<ArticleDraft> fromFeed(byte[] xml, String httpContentType) throws InputProblem {
    SyndFeed feed = parse(xml, httpContentType);
    List<SyndEntry> entries = feed.getEntries();
    int[] lines = EntryLines.find(xml, entries.size());
    List<ArticleDraft> drafts = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      drafts.add(toDraft(entries.get(i), feed.getTitle(), lines[i]));
    }
    return drafts;
  }

  private static SyndFeed parse(byte[] xml, String httpContentType) throws InputProblem {
    // SyndFeedInput refuses DOCTYPE declarations unless told otherwise; that is what keeps external entities out.
    SyndFeedInput input = new SyndFeedInput();
    try (InputStream bytes = new ByteArrayInputStream(xml);
        XmlReader reader = httpContentType == null ? new XmlReader(bytes) : new XmlReader(bytes, httpContentType)) {
      return input.build(reader);
    } catch (ParsingFeedException e) {
      throw new InputProblem(Math.max(0, e.getLineNumber()), xmlProblem(e), e);
    } catch (FeedException | IllegalArgumentException e) {
      // Rome says "Invalid document" for well-formed XML of any other kind.
      throw new InputProblem(0, "not an RSS or Atom feed", e);
    } catch (IOException e) {
      throw new InputProblem(0, "unreadable XML: " + e.getMessage(), e);
    }
  }

  private static String xmlProblem(ParsingFeedException e) {
    Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
    String message = cause.getMessage();
    if (message.contains("DOCTYPE is disallowed")) {
      return "malformed XML: document type declarations are refused, as they can load external entities";
    }
    return "malformed XML: " + ERROR_LINE_PREFIX.matcher(message).replaceFirst("");
  }

  private static ArticleDraft toDraft(SyndEntry entry, String feedTitle, int line) {
    return new ArticleDraft(
        entry.getUri(),
        title(entry),
        body(entry),
        published(entry),
        feedTitle,
        entry.getLink(),
        authors(entry),
        entry.getCategories().stream().map(SyndCategory::getName).filter(name -> name != null).toList(),
        line);
  }

  private static String title(SyndEntry entry) {
    SyndContent title = entry.getTitleEx();
    return title == null ? entry.getTitle() : text(title);
  }

  private static String body(SyndEntry entry) {
    List<String> contents = new ArrayList<>();
    for (SyndContent content : entry.getContents()) {
      String text = text(content);
      if (!text.isBlank()) {
        contents.add(text);
      }
    }
    return contents.isEmpty() ? text(entry.getDescription()) : String.join("\n\n", contents);
  }

  /** The text of feed content: HTML when its type says so or it looks like it, else plain text. */
  private static String text(SyndContent content) {
    if (content == null || content.getValue() == null) {
      return "";
    }
    String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
    boolean html =
        type.contains("html") || (!type.contains("text") && LOOKS_LIKE_HTML.matcher(content.getValue()).find());
    return html ? HtmlText.ofFragment(content.getValue()) : ParagraphBuilder.fromPlainText(content.getValue());
  }

  private static Instant published(SyndEntry entry) {
    Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? null : date.toInstant();
  }

  private static List<String> authors(SyndEntry entry) {
    List<String> names = new ArrayList<>();
    for (SyndPerson person : entry.getAuthors()) {
      if (person.getName() != null) {
        names.add(person.getName());
      }
    }
    if (names.isEmpty() && entry.getAuthor() != null) {
      // RSS authors are e-mail addresses, conventionally followed by the name in parentheses.
      Matcher withName = EMAIL_WITH_NAME.matcher(entry.getAuthor().strip());
      names.add(withName.matches() ? withName.group(1) : entry.getAuthor());
    }
    return names;
  }
}
