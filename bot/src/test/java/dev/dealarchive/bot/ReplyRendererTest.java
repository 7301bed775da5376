package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.answer.Confidence;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.fetch.FetchFailure;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyRendererTest {
  private final ReplyRenderer renderer = new ReplyRenderer();

  @Test
  void escapingDisarmsMentionsLinksAndControlCharacters() {
    String escaped = Mrkdwn.escape("<!channel> <!here> <@U123> <http://x|y> a&b\u0000\u001b[31m\u202e");

    assertEquals("&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;http://x|y&gt; a&amp;b[31m", escaped);
  }

  @Test
  void linkLabelsAndUrlsCannotBreakOutOfTheLink() {
    assertEquals("<https://a.example/?q=1&amp;r=2|title \u2758 &lt;!channel&gt;>",
        Mrkdwn.link("https://a.example/?q=1&r=2", "title | <!channel>"));
    assertEquals("javascript", Mrkdwn.link("javascript:alert(1)", "javascript"));
    assertEquals("t", Mrkdwn.link("https://a.example/x|<!channel>", "t"));
  }

  @Test
  void matchedWordsAreBoldAndEscaped() {
    MarkedText text = new MarkedText("pays <b> 20% share", List.of(new MarkedText.Span(0, 4),
        new MarkedText.Span(13, 18)));

    assertEquals("*pays* &lt;b&gt; 20% *share*", Mrkdwn.bold(text));
  }

  @Test
  void cutEndsAtAWordBoundaryWithAnEllipsisAndNeverInsideAnEntity() {
    assertEquals("alpha beta\u2026", TextLimits.cut("alpha beta gamma", 12));
    String cut = TextLimits.cut("x".repeat(20) + " &amp;&amp;&amp;&amp;", 27);
    assertFalse(cut.matches(".*&[a-z]*\u2026"), cut);
    assertTrue(cut.length() <= 27);
  }

  @Test
  void hugeArticleStaysWithinSlackLimits() {
    String huge = ("OpenAI revenue share words <!channel> & more " + "lorem ipsum ".repeat(20)).repeat(100);
    SearchHit article = hit("huge", huge, huge);
    List<SearchHit> others = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      others.add(hit("other-" + i, huge, huge));
    }
    AskResult result = new AskResult(huge, huge, new Answer(MarkedText.plain(huge), article), others, null,
        List.of(huge, huge), 5_000_000);

    Reply reply = renderer.answer(result, 0);

    assertTrue(reply.blocks().size() <= TextLimits.BLOCKS);
    assertTrue(reply.text().length() <= TextLimits.MESSAGE_TEXT, "text has " + reply.text().length());
    assertTrue(reply.text().endsWith("\u2026"));
    for (LayoutBlock block : reply.blocks()) {
      if (block instanceof SectionBlock section) {
        assertTrue(section.getText().getText().length() <= TextLimits.SECTION_TEXT);
      }
      if (block instanceof ContextBlock context) {
        String text = ((MarkdownTextObject) context.getElements().get(0)).getText();
        assertTrue(text.length() <= TextLimits.CONTEXT_TEXT);
      }
    }
    assertFalse(reply.blocksJson().contains("<!channel>"));
  }

  @Test
  void manySearchHitsStayWithinTheBlockLimit() {
    List<SearchHit> hits = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      hits.add(hit("id-" + i, "title " + i, "body"));
    }

    Reply reply = renderer.searchResults(new SearchResult("q", 500, hits, List.of(), 1), 0);

    assertTrue(reply.blocks().size() <= TextLimits.BLOCKS);
  }

  @Test
  void aLowerBoundTotalIsShownWithAPlus() {
    List<SearchHit> hits = List.of(hit("id-1", "title", "body"));

    Reply lowerBound = renderer.searchResults(new SearchResult("q", 1000, true, hits, List.of(), 1), 0);
    Reply exact = renderer.searchResults(new SearchResult("q", 1000, false, hits, List.of(), 1), 0);

    assertTrue(lowerBound.blocksJson().contains("1000+ hits"), lowerBound.blocksJson());
    assertFalse(exact.blocksJson().contains("1000+"), exact.blocksJson());
  }

  @Test
  void noAnswerSaysSoOffersTheTipAndEchoesTheQuestionEscaped() {
    AskResult result = new AskResult("who is <@U999>?", null, null, List.of(), "Try quotes for exact phrases.",
        List.of(), 1);

    Reply reply = renderer.answer(result, 0);

    assertTrue(reply.text().contains("no answer to \u201cwho is &lt;@U999&gt;?\u201d"), reply.text());
    assertTrue(reply.text().contains("Try quotes for exact phrases."));
  }

  @Test
  void closestMatchIsLabelledAsSuchAndNotCountedAsAnAnswer() {
    SearchHit article = hit("msft", "Microsoft and OpenAI", "Microsoft remains OpenAI's primary cloud partner.");
    Answer closest = new Answer(
        MarkedText.plain("Microsoft remains OpenAI's primary cloud partner."), article, 0.3, 0.74, Confidence.CLOSEST);
    AskResult result = new AskResult("Is Microsoft OpenAI's only cloud?", null, closest, List.of(), null, List.of(), 1);

    Reply reply = renderer.answer(result, 0);

    assertTrue(reply.text().startsWith("Closest match:\n> "), reply.text());
    assertTrue(reply.text().contains("primary cloud partner"));
    String status = ((MarkdownTextObject) ((ContextBlock) reply.blocks().get(reply.blocks().size() - 1))
        .getElements().get(0)).getText();
    assertTrue(status.startsWith("closest match"), status);
  }

  @Test
  void correctedQuestionIsShown() {
    SearchHit article = hit("a", "Title", "Body text.");
    AskResult result = new AskResult("micrsoft", "microsoft", new Answer(MarkedText.plain("Body text."), article),
        List.of(), null, List.of(), 1);

    assertTrue(renderer.answer(result, 0).text().startsWith("Showing results for *microsoft*"));
  }

  @Test
  void pageTokenSurvivesTheButtonValue() {
    PageToken token = new PageToken(PageToken.Kind.SEARCH, 5, "a|b \"c\"");

    assertEquals(token, PageToken.decode(token.encode()).orElseThrow());
    assertTrue(PageToken.decode("garbage").isEmpty());
    assertTrue(new PageToken(PageToken.Kind.ASK, 0, "q".repeat(5000)).encode().length() <= TextLimits.BUTTON_VALUE);
  }

  @Test
  void slashCommandTextIsParsed() {
    assertEquals(new SlashCommand.Search("deals"), SlashCommand.parse("search deals"));
    assertEquals(new SlashCommand.Latest(5), SlashCommand.parse("latest"));
    assertEquals(new SlashCommand.Latest(20), SlashCommand.parse("latest 99"));
    assertEquals(new SlashCommand.Stats(), SlashCommand.parse("STATS"));
    assertEquals(new SlashCommand.Reindex(), SlashCommand.parse("reindex"));
    assertEquals(new SlashCommand.Help(null), SlashCommand.parse(" "));
    assertEquals(new SlashCommand.Ask("who pays whom?"), SlashCommand.parse("who pays whom?"));
  }

  @Test
  void addCommandTakesTheUrlAndWithoutOneExplainsItself() {
    assertEquals(new SlashCommand.Add("https://news.example/a?x=1&y=2"),
        SlashCommand.parse("add <https://news.example/a?x=1&amp;y=2|news.example/a>"));
    assertEquals(new SlashCommand.Add("https://news.example/b"), SlashCommand.parse("ADD https://news.example/b "));
    SlashCommand bare = SlashCommand.parse("add");
    assertTrue(bare instanceof SlashCommand.Help help && help.problem().contains("`/archive add` needs"), "" + bare);
  }

  @Test
  void storedArticleIsALinkedEscapedTitleWithSourceAndDate() {
    AddResult added = new AddResult(AddResult.Status.ADDED, "https://news.example/deal", "https://news.example/deal",
        "Acme <!channel> buys Globex", "Deal <@U1> Wire", Instant.parse("2026-04-28T09:00:00Z"), null, null);

    Reply reply = renderer.added(added);

    assertTrue(reply.text().startsWith("Added to the archive:"), reply.text());
    assertTrue(reply.text().contains("<https://news.example/deal|Acme &lt;!channel&gt; buys Globex>"), reply.text());
    assertTrue(reply.text().contains("Deal &lt;@U1&gt; Wire \u00b7 28 Apr 2026"), reply.text());
    assertFalse(reply.blocksJson().contains("<!channel>"));
  }

  @Test
  void refusedAddGivesTheEscapedReason() {
    AddResult refused = new AddResult(AddResult.Status.REFUSED, "http://169.254.169.254/<!here>", null, null, null,
        null, FetchFailure.PRIVATE_ADDRESS, "the address is internal (loopback, link-local or private) and is not "
            + "fetched: 169.254.169.254");

    Reply reply = renderer.added(refused);

    assertTrue(reply.text().startsWith("Could not add http://169.254.169.254/&lt;!here&gt;: the address is internal"),
        reply.text());
    assertTrue(renderer.help().text().contains("`/archive add <url>`"));
  }

  @Test
  void incomingSlackTextBecomesThePlainQuestion() {
    assertEquals("what is in <#general> & A<B?",
        IncomingText.question("<@UBOT> what is in <#C123|general> &amp; A&lt;B?").replace("#general", "<#general>"));
    assertEquals("see example.com", IncomingText.question("<@UBOT> see <http://example.com|example.com>"));
  }

  private static SearchHit hit(String id, String title, String body) {
    return new SearchHit(id, title, "Source", "https://news.example/" + id, Instant.parse("2026-04-28T00:00:00Z"),
        1f, MarkedText.plain(body), List.of());
  }
}
