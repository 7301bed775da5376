package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedReaderTest {
  private static final String RSS =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>Sample Wire (fictional)</title>
          <link>https://wire.example/</link>
          <description>Deals</description>
          <item>
            <title>Northwind Robotics licenses its gripper</title>
            <link>https://wire.example/northwind-gripper</link>
            <guid isPermaLink="false">wire-1001</guid>
            <pubDate>Mon, 05 May 2025 08:30:00 GMT</pubDate>
            <author>desk@wire.example (Jane Roe)</author>
            <category>licensing</category>
            <category>robotics</category>
            <description>Short teaser.</description>
            <content:encoded><![CDATA[<p>Northwind Robotics licenses its gripper.</p>
              <p>The deal runs five years.</p>]]></content:encoded>
          </item>
          <item>
            <title>Helios Grid moves to AWS</title>
            <link>https://wire.example/helios-aws</link>
            <description>&lt;p&gt;Helios Grid picks &lt;b&gt;AWS&lt;/b&gt;.&lt;/p&gt;</description>
          </item>
        </channel>
      </rss>
      """;

  private static final String ATOM =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom">
        <title>Partner Ledger (fictional)</title>
        <id>urn:uuid:feed</id>
        <updated>2026-02-01T12:00:00Z</updated>
        <entry>
          <title>Kestrel Bio forms a joint venture</title>
          <id>urn:uuid:entry-1</id>
          <link href="https://ledger.example/kestrel-jv"/>
          <published>2026-01-20T09:00:00Z</published>
          <updated>2026-01-21T09:00:00Z</updated>
          <author><name>John Doe</name></author>
          <category term="joint venture"/>
          <content type="html">&lt;p&gt;Kestrel Bio and Helios Grid form a venture.&lt;/p&gt;</content>
        </entry>
        <entry>
          <title>Summary only</title>
          <id>urn:uuid:entry-2</id>
          <link href="https://ledger.example/summary"/>
          <updated>2026-02-01T12:00:00Z</updated>
          <summary>A plain summary.

      Second paragraph.</summary>
        </entry>
      </feed>
      """;

  @TempDir Path dir;

  private final FeedReader reader = new FeedReader();

  private CollectingListener read(String name, String content) throws IOException {
    return CollectingListener.read(reader, Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8));
  }

  @Test
  void rssItemsBecomeArticles() throws IOException {
    List<ArticleDraft> drafts = read("wire.rss", RSS).articles;

    assertEquals(2, drafts.size());
    ArticleDraft first = drafts.get(0);
    assertEquals("wire-1001", first.explicitId());
    assertEquals("Northwind Robotics licenses its gripper", first.title());
    assertEquals("https://wire.example/northwind-gripper", first.url());
    assertEquals("Northwind Robotics licenses its gripper.\n\nThe deal runs five years.", first.body());
    assertEquals(Instant.parse("2025-05-05T08:30:00Z"), first.published());
    assertEquals("Sample Wire (fictional)", first.source());
    assertEquals(List.of("Jane Roe"), first.authors());
    assertEquals(List.of("licensing", "robotics"), first.tags());
    assertEquals(7, first.line());
  }

  @Test
  void rssItemWithoutContentUsesItsDescriptionAsText() throws IOException {
    ArticleDraft second = read("wire.xml", RSS).articles.get(1);

    assertEquals("Helios Grid picks AWS.", second.body());
    assertNull(second.published());
    assertEquals(19, second.line());
  }

  @Test
  void atomEntriesBecomeArticles() throws IOException {
    List<ArticleDraft> drafts = read("ledger.atom", ATOM).articles;

    assertEquals(2, drafts.size());
    ArticleDraft first = drafts.get(0);
    assertEquals("urn:uuid:entry-1", first.explicitId());
    assertEquals("Kestrel Bio forms a joint venture", first.title());
    assertEquals("https://ledger.example/kestrel-jv", first.url());
    assertEquals("Kestrel Bio and Helios Grid form a venture.", first.body());
    assertEquals(Instant.parse("2026-01-20T09:00:00Z"), first.published());
    assertEquals("Partner Ledger (fictional)", first.source());
    assertEquals(List.of("John Doe"), first.authors());
    assertEquals(List.of("joint venture"), first.tags());
  }

  @Test
  void atomEntryWithOnlyASummaryUsesItAndItsUpdateDate() throws IOException {
    ArticleDraft second = read("ledger.atom", ATOM).articles.get(1);

    assertEquals("A plain summary.\n\nSecond paragraph.", second.body());
    assertEquals(Instant.parse("2026-02-01T12:00:00Z"), second.published());
  }

  @Test
  void fromFeedReadsBytesFetchedElsewhere() throws InputProblem {
    List<ArticleDraft> drafts = FeedReader.fromFeed(ATOM.getBytes(StandardCharsets.UTF_8), "application/atom+xml");

    assertEquals(
        List.of("Kestrel Bio forms a joint venture", "Summary only"),
        drafts.stream().map(ArticleDraft::title).toList());
  }

  @Test
  void malformedXmlIsAProblemWithItsLine() throws IOException {
    String broken = "<rss version=\"2.0\">\n<channel>\n<title>x</titel>\n";
    Path file = Files.writeString(dir.resolve("broken.rss"), broken, StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals(3, problem.line());
    assertEquals(
        "malformed XML: The element type \"title\" must be terminated by the matching end-tag \"</title>\".",
        problem.reason());
  }

  @Test
  void xmlThatIsNotAFeedIsAProblem() throws IOException {
    String pom = "<project><modelVersion>4.0.0</modelVersion></project>";
    Path file = Files.writeString(dir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals("not an RSS or Atom feed", problem.reason());
  }

  @Test
  void externalEntitiesAreRefused() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET", StandardCharsets.UTF_8);
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><item><title>&x;</title></item></channel></rss>";
    Path file = Files.writeString(dir.resolve("xxe.rss"), xxe, StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertFalse(problem.reason().contains("TOP-SECRET"));
    assertEquals(
        "malformed XML: document type declarations are refused, as they can load external entities", problem.reason());
  }

  @Test
  void emptyFeedFileIsAProblem() throws IOException {
    Path file = Files.write(dir.resolve("empty.xml"), new byte[0]);

    assertEquals("empty file", assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file)).reason());
  }
}
