package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReaderTest {
  @TempDir Path dir;

  private final HtmlReader reader = new HtmlReader();

  private CollectingListener read(String html) throws IOException {
    return CollectingListener.read(reader, Files.writeString(dir.resolve("page.html"), html, StandardCharsets.UTF_8));
  }

  @Test
  void openGraphAndArticleMetaTagsGiveTheFields() throws IOException {
    ArticleDraft draft =
        read(
                """
                <!doctype html>
                <html><head>
                  <title>Ignored | Sample Wire</title>
                  <meta property="og:title" content="Helios Grid picks GCP">
                  <meta property="og:site_name" content="Sample Wire (fictional)">
                  <meta property="og:url" content="https://wire.example/og-url">
                  <meta property="article:published_time" content="2025-11-03T08:00:00+01:00">
                  <meta name="author" content="Jane Roe">
                  <meta property="article:author" content="https://facebook.example/janeroe">
                  <meta property="article:tag" content="cloud">
                  <meta property="article:tag" content="exclusivity">
                  <meta name="keywords" content="ignored, because, article tags exist">
                  <link rel="canonical" href="https://wire.example/helios-gcp">
                </head><body>
                  <article><h1>Helios Grid picks GCP</h1><p>Helios Grid moves its grid models to GCP.</p></article>
                </body></html>
                """)
            .single();

    assertEquals("Helios Grid picks GCP", draft.title());
    assertEquals("Helios Grid moves its grid models to GCP.", draft.body());
    assertEquals("Sample Wire (fictional)", draft.source());
    assertEquals("https://wire.example/helios-gcp", draft.url());
    assertEquals(Instant.parse("2025-11-03T07:00:00Z"), draft.published());
    assertEquals(List.of("Jane Roe"), draft.authors());
    assertEquals(List.of("cloud", "exclusivity"), draft.tags());
    assertNull(draft.explicitId());
  }

  @Test
  void withOnlyATitleElementTheTitleComesFromIt() throws IOException {
    ArticleDraft draft =
        read("<html><head><title> Kestrel Bio deal </title><meta name=keywords content='biotech, licensing'></head>"
                + "<body><p>First.</p><p>Second.</p></body></html>")
            .single();

    assertEquals("Kestrel Bio deal", draft.title());
    assertEquals("First.\n\nSecond.", draft.body());
    assertEquals(List.of("biotech", "licensing"), draft.tags());
    assertNull(draft.url());
    assertNull(draft.published());
  }

  @Test
  void withoutTitleElementTheFirstHeadingIsTheTitle() throws IOException {
    ArticleDraft draft = read("<body><h1>Northwind signs</h1><p>Text.</p></body>").single();

    assertEquals("Northwind signs", draft.title());
    assertEquals("Text.", draft.body());
  }

  @Test
  void navigationScriptsFootersAndShareWidgetsAreDropped() throws IOException {
    ArticleDraft draft =
        read(
                """
                <html><head><title>T</title><style>p { color: red }</style></head><body>
                <header><a href="/">Home</a></header>
                <nav><ul><li>Markets</li><li>Deals</li></ul></nav>
                <main>
                  <div class="cookie-banner">We use cookies.</div>
                  <p>Paragraph one
                     continues here.</p>
                  <script>var tracking = 1;</script>
                  <div class="shareButtons">Share on X</div>
                  <p>Paragraph <b>two</b> with <a href="#">a link</a>.<br>After a break.</p>
                  <ul><li>Item one</li><li>Item two</li></ul>
                  <aside>Related: other deals</aside>
                  <section id="comments"><p>First comment!</p></section>
                  <div class="related-posts">More stories</div>
                  <noscript>Enable JavaScript</noscript>
                  <form><input name=q></form>
                </main>
                <footer>Copyright</footer>
                </body></html>
                """)
            .single();

    assertEquals(
        """
        Paragraph one continues here.

        Paragraph two with a link.
        After a break.

        Item one
        Item two""",
        draft.body());
  }

  @Test
  void contentWrapperNamedLikeBoilerplateIsKept() throws IOException {
    ArticleDraft draft =
        read("<body><div class='layout has-sidebar'><p>One.</p><p>Two.</p><p>Three.</p></div>"
                + "<div class='sidebar'><p>Ad.</p></div></body>")
            .single();

    assertEquals("One.\n\nTwo.\n\nThree.", draft.body());
  }

  @Test
  void timeElementInTheArticleGivesTheDateWithoutMetaTags() throws IOException {
    ArticleDraft draft =
        read("<body><article><header><time datetime='2026-01-15'>15 January</time></header>"
                + "<p>Text.</p></article></body>")
            .single();

    assertEquals(Instant.parse("2026-01-15T00:00:00Z"), draft.published());
    assertEquals("Text.", draft.body());
  }

  @Test
  void dublinCoreDateIsUsedWhenNothingElseIs() throws IOException {
    ArticleDraft draft = read("<head><meta name='DC.date' content='2025-06-30'></head><body>x</body>").single();

    assertEquals(Instant.parse("2025-06-30T00:00:00Z"), draft.published());
  }

  @Test
  void unparseableDateIsAWarning() throws IOException {
    CollectingListener result =
        read("<head><meta property='article:published_time' content='last week'></head><body>x</body>");

    assertNull(result.single().published());
    assertEquals(
        List.of(new CollectingListener.Report(0, "unparseable date 'last week'; article kept without a date")),
        result.warnings);
  }

  @Test
  void relativeCanonicalUrlIsResolvedAgainstTheBaseUrl() {
    ArticleDraft draft =
        HtmlReader.fromHtml(
            "<head><link rel=canonical href='/deals/42'></head><body><p>x</p></body>", "https://wire.example/a/b");

    assertEquals("https://wire.example/deals/42", draft.url());
  }

  @Test
  void relativeCanonicalUrlWithoutBaseUrlIsDropped() {
    ArticleDraft draft = HtmlReader.fromHtml("<head><link rel=canonical href='/deals/42'></head><body>x</body>", null);

    assertNull(draft.url());
  }

  @Test
  void fromHtmlReportsWarningsToTheGivenConsumer() {
    List<String> warnings = new ArrayList<>();

    HtmlReader.fromHtml("<meta name=date content='soon'><p>x</p>", null, warnings::add);

    assertEquals(List.of("unparseable date 'soon'; article kept without a date"), warnings);
  }

  @Test
  void malformedHtmlIsReadLeniently() throws IOException {
    ArticleDraft draft = read("<html><body><p>Unclosed <b>bold<p>Next paragraph</div></span>").single();

    assertEquals("Unclosed bold\n\nNext paragraph", draft.body());
  }

  @Test
  void pageWithNeitherTitleNorTextGivesAnEmptyDraft() throws IOException {
    ArticleDraft draft = read("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>").single();

    assertTrue(draft.isEmpty());
  }

  @Test
  void pageDeclaringAnotherCharsetIsReadInIt() throws IOException {
    String html =
        "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 deal</title></head><body>\u20ac5m</body></html>";
    Path file = Files.write(dir.resolve("legacy.htm"), html.getBytes(Charset.forName("windows-1252")));

    ArticleDraft draft = CollectingListener.read(reader, file).single();

    assertEquals("Caf\u00e9 deal", draft.title());
    assertEquals("\u20ac5m", draft.body());
  }

  @Test
  void invalidUtf8WithoutDeclaredCharsetIsAProblem() throws IOException {
    Path file = Files.write(dir.resolve("bad.html"), "<p>caf\u00e9</p>".getBytes(StandardCharsets.ISO_8859_1));

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals("invalid UTF-8 at line 1 (byte offset 6)", problem.reason());
  }

  @Test
  void feedContentFragmentsBecomeText() {
    assertEquals(
        "Hello world.\n\nSecond.", HtmlText.ofFragment("<p>Hello <i>world</i>.</p><script>x</script><p>Second.</p>"));
    assertEquals("", HtmlText.ofFragment(null));
    assertFalse(HtmlText.ofFragment("plain &amp; simple").contains("&amp;"));
  }
}
