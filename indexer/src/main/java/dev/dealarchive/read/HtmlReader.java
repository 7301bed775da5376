package dev.dealarchive.read;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads one article from an HTML page ({@code .html}, {@code .htm}).
 *
 * <ul>
 *   <li>title: {@code og:title}, else {@code <title>}, else the first {@code <h1>}
 *   <li>body: the text of {@code <article>} (the longest one when there are several), else {@code <main>}, else
 *       {@code <body>}, without navigation, headers, footers, scripts, forms, share buttons, comments, related links,
 *       ads and cookie notices; one paragraph per line
 *   <li>published: {@code article:published_time}, else the article's {@code <time datetime>}, else the {@code
 *       date}, {@code dc.date}, {@code dc.date.issued}, {@code pubdate} or {@code datePublished} meta tag
 *   <li>source: {@code og:site_name}; url: {@code <link rel=canonical>}, else {@code og:url}
 *   <li>authors: {@code author} and {@code article:author} meta tags (profile urls are left out)
 *   <li>tags: {@code article:tag} meta tags, else the comma-separated {@code keywords}
 * </ul>
 *
 * Files are read as UTF-8; a file that is not valid UTF-8 but declares another charset in a {@code <meta>} tag is
 * read in that charset.
 */
public final class HtmlReader implements ArticleReader {
  private static final Pattern DECLARED_CHARSET =
      Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)");
  private static final int CHARSET_DECLARATION_WINDOW = 4096;
  private static final List<String> DATE_META_NAMES =
      List.of("date", "dc.date", "dc.date.issued", "dcterms.date", "pubdate", "datePublished");

  @Override
  public String format() {
    return "html";
  }

  @Override
  public void read(Path file, ReadOptions options, ReadListener listener) throws IOException {
    String html = decode(TextFiles.readBytes(file, options.maxBytes()));
    listener.article(fromHtml(html, null, warning -> listener.warning(0, warning)));
  }

  /**
   * Extracts the article of a web page, ignoring warnings.
   *
   * @param html the page, possibly malformed
   * @param baseUrl the page's address, used to resolve relative urls, or {@code null}
   * @return the draft; it is empty when the page has neither title nor text
   */
  public static ArticleDraft fromHtml(String html, String baseUrl) {
    return fromHtml(html, baseUrl, warning -> {});
  }

  /**
   * Extracts the article of a web page.
   *
   * @param html the page, possibly malformed
   * @param baseUrl the page's address, used to resolve relative urls, or {@code null}
   * @param warnings receives what was wrong but did not stop extraction, such as an unparseable date
   * @return the draft; it is empty when the page has neither title nor text
   */
  public static ArticleDraft fromHtml(String html, String baseUrl, Consumer<String> warnings) {
    Document page = baseUrl == null ? Jsoup.parse(html) : Jsoup.parse(html, baseUrl);
    Element content = contentRoot(page);
    String title = firstNonBlank(meta(page, "og:title"), page.title(), firstHeading(page));
    Instant published = published(page, content, warnings);

    PageCleaner.removeBoilerplate(content);
    // The page heading usually repeats the title; in the body it would read as a sentence without a full stop.
    for (Element heading : content.select("h1")) {
      if (normalized(heading.text()).equals(normalized(title))) {
        heading.remove();
      }
    }
    return new ArticleDraft(
        null,
        title,
        HtmlText.of(content),
        published,
        meta(page, "og:site_name"),
        url(page, baseUrl),
        authors(page),
        tags(page),
        0);
  }

  /** Decodes as strict UTF-8, or in the charset the page declares when it is not UTF-8. */
  static String decode(byte[] bytes) throws InputProblem {
    try {
      return TextFiles.decode(bytes);
    } catch (InputProblem notUtf8) {
      Optional<Charset> declared = declaredCharset(bytes);
      boolean binary = !notUtf8.reason().startsWith("invalid UTF-8");
      if (binary || declared.isEmpty() || declared.get().equals(StandardCharsets.UTF_8)) {
        throw notUtf8;
      }
      try {
        return declared
            .get()
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw new InputProblem(0, "invalid " + declared.get().name() + " although the page declares it", e);
      }
    }
  }

  private static Optional<Charset> declaredCharset(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, CHARSET_DECLARATION_WINDOW), StandardCharsets.ISO_8859_1);
    Matcher declaration = DECLARED_CHARSET.matcher(head);
    if (!declaration.find()) {
      return Optional.empty();
    }
    try {
      String name = declaration.group(1);
      return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
    } catch (IllegalCharsetNameException e) {
      return Optional.empty();
    }
  }

  private static Element contentRoot(Document page) {
    Elements articles = page.select("article");
    if (!articles.isEmpty()) {
      return articles.stream().max(Comparator.comparingInt(article -> article.text().length())).orElseThrow();
    }
    Element main = page.selectFirst("main, [role=main]");
    return main != null ? main : page.body();
  }

  private static String firstHeading(Document page) {
    Element heading = page.selectFirst("h1");
    return heading == null ? null : heading.text();
  }

  private static Instant published(Document page, Element content, Consumer<String> warnings) {
    List<String> candidates = new ArrayList<>();
    candidates.add(meta(page, "article:published_time"));
    // A <time> outside the article is more often today's date in a page header than the publication date.
    Element time = content == page.body() ? null : content.selectFirst("time[datetime]");
    candidates.add(time == null ? null : time.attr("datetime"));
    DATE_META_NAMES.forEach(name -> candidates.add(meta(page, name)));

    String unparseable = null;
    for (String candidate : candidates) {
      if (candidate == null) {
        continue;
      }
      Optional<Instant> parsed = Dates.parse(candidate);
      if (parsed.isPresent()) {
        return parsed.get();
      }
      unparseable = unparseable == null ? candidate : unparseable;
    }
    if (unparseable != null) {
      warnings.accept(Dates.unparseableWarning(unparseable));
    }
    return null;
  }

  private static String url(Document page, String baseUrl) {
    Element canonical = page.selectFirst("link[rel=canonical][href]");
    String url = canonical == null ? null : absoluteHttpUrl(canonical.attr("href"), baseUrl);
    return url != null ? url : absoluteHttpUrl(meta(page, "og:url"), baseUrl);
  }

  private static List<String> authors(Document page) {
    LinkedHashSet<String> authors = new LinkedHashSet<>(metas(page, "author"));
    for (String author : metas(page, "article:author")) {
      if (absoluteHttpUrl(author, null) == null) {
        authors.add(author);
      }
    }
    return List.copyOf(authors);
  }

  private static List<String> tags(Document page) {
    List<String> tags = metas(page, "article:tag");
    if (!tags.isEmpty()) {
      return tags;
    }
    String keywords = meta(page, "keywords");
    return keywords == null ? List.of() : List.of(keywords.split(","));
  }

  /** The content of the first meta tag named {@code key} by its property, name or itemprop, or null. */
  private static String meta(Document page, String key) {
    List<String> values = metas(page, key);
    return values.isEmpty() ? null : values.get(0);
  }

  private static List<String> metas(Document page, String key) {
    List<String> values = new ArrayList<>();
    for (Element meta : page.select("meta[content]")) {
      if (key.equalsIgnoreCase(meta.attr("property"))
          || key.equalsIgnoreCase(meta.attr("name"))
          || key.equalsIgnoreCase(meta.attr("itemprop"))) {
        String content = meta.attr("content").strip();
        if (!content.isEmpty()) {
          values.add(content);
        }
      }
    }
    return values;
  }

  /** {@code href} as an absolute http(s) url, resolved against {@code baseUrl} when relative, or null. */
  private static String absoluteHttpUrl(String href, String baseUrl) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(href.strip());
      if (!uri.isAbsolute() && baseUrl != null) {
        uri = new URI(baseUrl).resolve(uri);
      }
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return scheme.equals("http") || scheme.equals("https") ? uri.toString() : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  private static String normalized(String text) {
    return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
