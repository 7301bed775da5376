package dev.dealarchive.bot;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns archive results into Block Kit messages. Every piece of article text and user input is escaped with
 * {@link Mrkdwn}, every text is cut to Slack's limits with {@link TextLimits}, so whatever the archive holds the
 * message is accepted by Slack and pings no one.
 */
public final class ReplyRenderer {
  /** The action id of the "More results" button. */
  public static final String MORE_RESULTS_ACTION = "more_results";
  /** The action id of an answer's "Helpful" button. */
  public static final String HELPFUL_ACTION = "feedback_helpful";
  /** The action id of an answer's "Not helpful" button. */
  public static final String NOT_HELPFUL_ACTION = "feedback_not_helpful";
  /** The action id of a private answer's "Share in channel" button. */
  public static final String SHARE_ACTION = "share_answer";
  /** The block id of an answer's feedback buttons. */
  static final String FEEDBACK_BLOCK = "feedback";
  /** The block id of the tally shown under the feedback buttons once someone voted. */
  static final String TALLY_BLOCK = "feedback_tally";
  /** The block id of the "Share in channel" button. */
  static final String SHARE_BLOCK = "share";

  private static final int SNIPPET_CHARS = 280;
  private static final int ECHO_CHARS = 300;
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** The reply to a question, showing the page of further articles at {@code offset} ({@link PageSizes#ASK}). */
  public Reply answer(AskResult result, int offset) {
    return answer(result, ResultPage.ofAnswer(result.hits().size(), offset));
  }

  /**
   * The reply to a question: the answer passage and its article (or that there is none, with the search tip), then a
   * page of further articles.
   *
   * @param result the archive's answer; its hits may run past this page
   * @param page which of the further articles this page shows and whether more follow ({@link ReplyService} decides)
   */
  public Reply answer(AskResult result, ResultPage page) {
    int offset = page.offset();
    Blocks blocks = new Blocks();
    StringBuilder text = new StringBuilder();
    if (result.correctedQuestion() != null) {
      String corrected = "Showing results for *" + echo(result.correctedQuestion()) + "*";
      blocks.context(corrected);
      text.append(corrected).append('\n');
    }
    Answer answer = result.answer();
    if (answer != null) {
      String passage = (answer.isClosestMatch() ? "Closest match:\n" : "") + "> " + Mrkdwn.bold(answer.passage());
      String cited = citation(answer.article());
      blocks.section(passage);
      blocks.section(cited);
      text.append(passage).append('\n').append(cited);
    } else {
      String none = "I found no answer to \u201c" + echo(result.question()) + "\u201d in the archive.";
      String tip = result.tip() == null ? "" : "\n" + Mrkdwn.escape(inSlack(result.tip()));
      blocks.section(none + tip);
      text.append(none).append(tip);
    }
    for (String notice : result.notices()) {
      blocks.context(Mrkdwn.escapeOneLine(notice));
    }
    List<SearchHit> shown = page(result.hits(), offset, page.size());
    if (!shown.isEmpty()) {
      blocks.divider();
      text.append("\n\nAlso in the archive:");
      for (SearchHit hit : shown) {
        String line = hitSection(hit);
        blocks.section(line);
        text.append("\n\u2022 ").append(citation(hit));
      }
    }
    if (page.more()) {
      blocks.moreButton(new PageToken(PageToken.Kind.ASK, offset + shown.size(), result.question()));
    }
    if (answer != null) {
      FeedbackToken token =
          new FeedbackToken(result.question(), answer.article().id(), answer.passage().text());
      blocks.actions(FEEDBACK_BLOCK, List.of(button(HELPFUL_ACTION, "Helpful", token.encode()),
          button(NOT_HELPFUL_ACTION, "Not helpful", token.encode())));
    }
    int shownFrom = shown.isEmpty() ? 0 : offset + 1;
    String status = (answer == null ? "no answer" : answer.isClosestMatch() ? "closest match" : "1 answer")
        + (shown.isEmpty() ? "" : " \u00b7 related articles " + shownFrom + "\u2013" + (offset + shown.size()))
        + " \u00b7 " + millis(result.tookNanos());
    blocks.context(status);
    return new Reply(text.toString(), blocks.list());
  }

  /**
   * One page of search hits.
   *
   * @param result the archive's search result for this page
   * @param offset how many hits earlier pages showed
   */
  public Reply searchResults(SearchResult result, int offset) {
    Blocks blocks = new Blocks();
    StringBuilder text = new StringBuilder();
    String query = echo(result.query());
    if (result.hits().isEmpty()) {
      String none = "No articles match \u201c" + query + "\u201d.";
      blocks.section(none);
      text.append(none);
    } else {
      String head = "Articles matching \u201c" + query + "\u201d:";
      blocks.section(head);
      text.append(head);
      for (SearchHit hit : result.hits()) {
        blocks.section(hitSection(hit));
        text.append("\n\u2022 ").append(citation(hit));
      }
    }
    for (String notice : result.notices()) {
      blocks.context(Mrkdwn.escapeOneLine(notice));
    }
    if (result.total() > offset + result.hits().size() && !result.hits().isEmpty()) {
      blocks.moreButton(new PageToken(PageToken.Kind.SEARCH, offset + result.hits().size(), result.query()));
    }
    String range = result.hits().isEmpty() ? "" : (offset + 1) + "\u2013" + (offset + result.hits().size()) + " of ";
    String total = result.total() + (result.totalIsLowerBound() ? "+" : "");
    boolean one = result.total() == 1 && !result.totalIsLowerBound();
    blocks.context(range + total + (one ? " hit" : " hits") + " \u00b7 "
        + millis(result.tookNanos()));
    return new Reply(text.toString(), blocks.list());
  }

  /** The newest articles. */
  public Reply latest(List<SearchHit> hits) {
    Blocks blocks = new Blocks();
    StringBuilder text = new StringBuilder();
    if (hits.isEmpty()) {
      blocks.section("The archive is empty.");
      text.append("The archive is empty.");
    } else {
      blocks.section("Newest articles:");
      text.append("Newest articles:");
      for (SearchHit hit : hits) {
        blocks.section(hitSection(hit));
        text.append("\n\u2022 ").append(citation(hit));
      }
    }
    return new Reply(text.toString(), blocks.list());
  }

  /** Figures about the archive. */
  public Reply stats(ArchiveStats stats) {
    StringBuilder body = new StringBuilder();
    body.append("*").append(stats.articles()).append("* articles");
    if (stats.oldest() != null && stats.newest() != null) {
      body.append(", published ").append(DATE.format(stats.oldest())).append(" \u2013 ")
          .append(DATE.format(stats.newest()));
    }
    body.append('\n');
    int shown = 0;
    for (Map.Entry<String, Long> source : stats.sources().entrySet()) {
      if (shown++ == 10) {
        body.append("\u2022 and ").append(stats.sources().size() - 10).append(" more sources\n");
        break;
      }
      String name = source.getKey() == null || source.getKey().isBlank() ? "(no source)" : source.getKey();
      body.append("\u2022 ").append(Mrkdwn.escapeOneLine(name)).append(": ").append(source.getValue()).append('\n');
    }
    body.append("Index size ").append(megabytes(stats.sizeBytes()));
    if (stats.lastUpdate() != null) {
      body.append(", last updated ").append(DateTimeFormatter.ISO_INSTANT.format(stats.lastUpdate()));
    }
    Blocks blocks = new Blocks();
    blocks.section(body.toString());
    return new Reply(body.toString(), blocks.list());
  }

  /** How to use the bot. */
  public Reply help() {
    String body = String.join("\n",
        "*Ask the partnership archive*",
        "\u2022 Mention me with a question (follow-ups in the thread work), DM me, or type `/archive <question>` "
            + "(answered privately, with a button to share it)",
        "\u2022 `/archive search <query>` lists matching articles (quotes, `source:`, `tag:` work)",
        "\u2022 `/archive latest [n]` lists the newest articles",
        "\u2022 `/archive follow <query>` posts new matching articles in this channel; `/archive following` lists "
            + "them, `/archive unfollow <number>` stops one",
        "\u2022 `/archive digest daily|weekly [query]` posts the week's or day's additions at 09:00; "
            + "`/archive digest off`",
        "\u2022 `/archive scope [filters|clear]` shows or sets filters for every question here (admins set them)",
        "\u2022 `/archive add <url>` stores the article at that address in the archive",
        "\u2022 `/archive stats` shows what the archive holds",
        "\u2022 `/archive reindex` updates the archive (admins only)",
        "\u2022 `/archive help` shows this");
    Blocks blocks = new Blocks();
    blocks.section(body);
    return new Reply(body, blocks.list());
  }

  /**
   * What {@code /archive add} did: the stored title as a link to the page, with source and date, or the reason
   * nothing was stored. The title, source and reason come from the fetched page and the user and are escaped.
   */
  public Reply added(AddResult result) {
    Blocks blocks = new Blocks();
    if (!result.ok()) {
      String reason = Mrkdwn.escapeOneLine(result.message());
      blocks.section(reason);
      return new Reply(reason, blocks.list());
    }
    String headline = switch (result.status()) {
      case UPDATED -> "Updated in the archive:";
      case UNCHANGED -> "Already in the archive, unchanged:";
      case QUEUED -> "Queued for the archive:";
      default -> "Added to the archive:";
    };
    String fallback = result.id() == null ? result.url() : result.id();
    String body = headline + "\n*" + citation(result.url(), result.title(), fallback, result.source(),
        result.published()) + "*";
    blocks.section(body);
    if (result.status() == AddResult.Status.QUEUED) {
      blocks.context("Another process is writing the index; it stores the article and makes it searchable within "
          + "seconds.");
    }
    return new Reply(body, blocks.list());
  }

  /** The immediate, private answer to {@code /archive add}: which address is being fetched, escaped. */
  public String fetching(String url) {
    return "Fetching " + echo(url) + "\u2026";
  }

  /** A short message of trusted mrkdwn written by the bot itself (never article text or user input). */
  public Reply notice(String mrkdwn) {
    Blocks blocks = new Blocks();
    blocks.section(mrkdwn);
    return new Reply(mrkdwn, blocks.list());
  }

  /** What a reindex run did. */
  public Reply reindexed(IndexSummary summary) {
    String body = "Reindex finished in " + millis(summary.tookNanos()) + ": " + summary.added() + " added, "
        + summary.updated() + " updated, " + summary.deleted() + " deleted, " + summary.unchanged() + " unchanged"
        + (summary.duplicates() > 0 ? ", " + summary.duplicates() + " duplicates skipped" : "")
        + (summary.skipped().isEmpty() ? "" : ", " + summary.skipped().size() + " inputs skipped") + ".";
    return notice(body);
  }

  /** The apology users see when something failed; the details are in the log under the same id. */
  public Reply apology(String errorId) {
    return notice("Sorry, something went wrong while answering. (error id `" + errorId + "`)");
  }

  /** A private answer with a "Share in channel" button that posts it for everyone. */
  public Reply shareable(Reply reply, String question) {
    List<LayoutBlock> blocks = new ArrayList<>(reply.blocks().subList(0, Math.min(reply.blocks().size(),
        TextLimits.BLOCKS - 1)));
    List<BlockElement> share = List.of(button(SHARE_ACTION, "Share in channel",
        TextLimits.cut(question, TextLimits.BUTTON_VALUE - 10)));
    blocks.add(ActionsBlock.builder().blockId(SHARE_BLOCK).elements(share).build());
    return new Reply(reply.text(), blocks);
  }

  /** An answer shared in the channel: "shared by @user" above it. */
  public Reply sharedBy(String userId, Reply reply) {
    return withHeader("Shared by <@" + userId + ">", reply);
  }

  /** What the private copy says once it was shared. */
  public Reply wasShared(String question) {
    return notice("You shared the answer to \u201c" + echo(question) + "\u201d in the channel.");
  }

  /**
   * The reply with the feedback tally under its buttons (replacing an earlier tally), or unchanged when it has no
   * feedback buttons.
   */
  public Reply withTally(Reply reply, int helpful, int notHelpful) {
    List<LayoutBlock> blocks = new ArrayList<>();
    boolean found = false;
    for (LayoutBlock block : reply.blocks()) {
      if (TALLY_BLOCK.equals(block.getBlockId())) {
        continue;
      }
      blocks.add(block);
      if (FEEDBACK_BLOCK.equals(block.getBlockId())) {
        found = true;
        String tally = "Helpful: " + helpful + " \u00b7 Not helpful: " + notHelpful;
        blocks.add(ContextBlock.builder().blockId(TALLY_BLOCK)
            .elements(List.of(MarkdownTextObject.builder().text(tally).build())).build());
      }
    }
    if (!found || blocks.size() > TextLimits.BLOCKS) {
      return reply;
    }
    return new Reply(reply.text(), blocks);
  }

  /** The same reply with a context line (bot-written mrkdwn) on top. */
  public Reply withHeader(String mrkdwn, Reply reply) {
    List<LayoutBlock> blocks = new ArrayList<>();
    List<ContextBlockElement> elements = List.of(MarkdownTextObject.builder().text(mrkdwn).build());
    blocks.add(ContextBlock.builder().elements(elements).build());
    blocks.addAll(reply.blocks().subList(0, Math.min(reply.blocks().size(), TextLimits.BLOCKS - 1)));
    return new Reply(mrkdwn + "\n" + reply.text(), blocks);
  }

  private static ButtonElement button(String actionId, String label, String value) {
    return ButtonElement.builder()
        .actionId(actionId)
        .text(PlainTextObject.builder().text(label).emoji(false).build())
        .value(value)
        .build();
  }

  /**
   * The same reply under a context line saying which slash command it answers, for answers posted to a channel
   * where the command itself stays invisible.
   */
  public Reply answering(String command, String question, Reply reply) {
    return withHeader("`" + command + "` " + echo(question), reply);
  }

  private static <T> List<T> page(List<T> all, int offset, int size) {
    if (offset >= all.size()) {
      return List.of();
    }
    return all.subList(offset, Math.min(all.size(), offset + size));
  }

  static String hitSection(SearchHit hit) {
    String snippet = hit.snippet() == null ? "" : TextLimits.cut(Mrkdwn.bold(hit.snippet()), SNIPPET_CHARS);
    return "*" + citation(hit) + "*" + (snippet.isEmpty() ? "" : "\n" + snippet);
  }

  static String citation(SearchHit hit) {
    return citation(hit.url(), hit.title(), hit.id(), hit.source(), hit.published());
  }

  /** The title linked to the url (or the fallback when untitled), then the source and date when known; escaped. */
  private static String citation(String url, String title, String fallback, String source, Instant published) {
    String shown = title == null || title.isBlank() ? fallback : title;
    StringBuilder out = new StringBuilder(Mrkdwn.link(url, TextLimits.cut(shown, 500)));
    if (source != null && !source.isBlank()) {
      out.append(" \u00b7 ").append(Mrkdwn.escapeOneLine(TextLimits.cut(source, 100)));
    }
    if (published != null) {
      out.append(" \u00b7 ").append(DATE.format(published));
    }
    return out.toString();
  }

  static String echo(String userText) {
    return TextLimits.cut(Mrkdwn.escapeOneLine(userText), ECHO_CHARS);
  }

  static String millis(long nanos) {
    long ms = nanos / 1_000_000;
    return ms < 1 ? "under 1 ms" : ms + " ms";
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  /** Collects blocks, keeping every text within its limit and the message within the block limit. */
  static final class Blocks {
    private final List<LayoutBlock> blocks = new ArrayList<>();
    private LayoutBlock closing;

    void section(String mrkdwn) {
      add(SectionBlock.builder().text(markdown(TextLimits.cut(mrkdwn, TextLimits.SECTION_TEXT))).build());
    }

    void context(String mrkdwn) {
      List<ContextBlockElement> elements = List.of(markdown(TextLimits.cut(mrkdwn, TextLimits.CONTEXT_TEXT)));
      add(ContextBlock.builder().elements(elements).build());
    }

    void divider() {
      add(DividerBlock.builder().build());
    }

    void moreButton(PageToken token) {
      List<BlockElement> elements = List.of(ButtonElement.builder()
          .actionId(MORE_RESULTS_ACTION)
          .text(PlainTextObject.builder().text("More results").emoji(false).build())
          .value(token.encode())
          .build());
      add(ActionsBlock.builder().blockId("paging").elements(elements).build());
    }

    void actions(String blockId, List<BlockElement> elements) {
      add(ActionsBlock.builder().blockId(blockId).elements(elements).build());
    }

    private void add(LayoutBlock block) {
      // The last slot is kept free for the closing context line (hits, time) and the button before it.
      if (blocks.size() < TextLimits.BLOCKS - 2) {
        blocks.add(block);
      } else {
        closing = block;
      }
    }

    List<LayoutBlock> list() {
      List<LayoutBlock> all = new ArrayList<>(blocks);
      if (closing != null) {
        all.add(closing);
      }
      return all;
    }

    static MarkdownTextObject markdown(String text) {
      return MarkdownTextObject.builder().text(text).build();
    }
  }

  /** A tip written for the command line, naming the slash command instead: {@code archive search} is not Slack's. */
  static String inSlack(String tip) {
    return tip.replace("`archive search`", "`/archive search`").replace("`archive ask`", "`/archive`");
  }
}
