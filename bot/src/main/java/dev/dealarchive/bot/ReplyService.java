package dev.dealarchive.bot;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.generate.WrittenAnswers;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.io.IOException;
import java.util.Optional;

/**
 * Answers what people ask with archive calls rendered as replies. Knows nothing about Slack's transport, so the same
 * replies serve mentions, DMs, slash commands and the console.
 */
public final class ReplyService {
  private final ArchiveGateway archive;
  private final ReplyRenderer renderer;
  private final WrittenAnswers writer;

  /** Replies with quoted answers only. */
  public ReplyService(ArchiveGateway archive, ReplyRenderer renderer) {
    this(archive, renderer, null);
  }

  /**
   * @param writer writes cited answers from the same passages ({@link #written}), or {@code null} for quoted answers
   *     only
   */
  public ReplyService(ArchiveGateway archive, ReplyRenderer renderer, WrittenAnswers writer) {
    this.archive = archive;
    this.renderer = renderer;
    this.writer = writer;
  }

  /** Whether a language model is configured, so answers may be followed by a written one. */
  public boolean writes() {
    return writer != null;
  }

  /**
   * The reply {@code shown} for {@code question} with the model's cited answer above it, or with the reason there is
   * none. Slow (it waits for the model): call it on a worker after the quoted answer was posted.
   *
   * @return empty when no model is configured or the question is not one ("thanks", "help")
   */
  public Optional<Reply> written(String question, Reply shown) throws IOException {
    if (writer == null || question.isBlank() || EverydayMessage.of(question).isPresent()) {
      return Optional.empty();
    }
    AskResult result = archive.ask(question, 1 + PageSizes.ASK + 1);
    if (result.answer() == null && result.hits().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(WrittenReplies.above(writer.write(result), shown));
  }

  /** The renderer, for replies that need no archive call (help, refusals, apologies). */
  public ReplyRenderer renderer() {
    return renderer;
  }

  /** The archive the replies come from. */
  public ArchiveGateway archive() {
    return archive;
  }

  /** Answers a question with the first page of related articles. */
  public Reply ask(String question) throws IOException {
    if (question.isBlank()) {
      return renderer.help();
    }
    Optional<EverydayMessage> everyday = EverydayMessage.of(question);
    if (everyday.isPresent()) {
      return switch (everyday.get()) {
        case GREETING -> renderer.notice("Hi! Ask me about a partnership in your own words, such as _is Microsoft "
            + "still OpenAI's only cloud provider?_ Say `help` to see everything I can do.");
        case THANKS -> renderer.notice("You're welcome! Ask again any time.");
        case HELP -> renderer.help();
        case LATEST -> latest(SlashCommand.LATEST_DEFAULT);
      };
    }
    return askPage(question, 0);
  }

  /** Lists the first page of a search. */
  public Reply search(String query) throws IOException {
    return searchPage(query, 0);
  }

  /** The page a "More results" button asks for. */
  public Reply page(PageToken token) throws IOException {
    return switch (token.kind()) {
      case ASK -> askPage(token.text(), token.offset());
      case SEARCH -> searchPage(token.text(), token.offset());
    };
  }

  /** The newest {@code count} articles. */
  public Reply latest(int count) throws IOException {
    return renderer.latest(archive.latest(count));
  }

  /** Figures about the archive. */
  public Reply stats() throws IOException {
    return renderer.stats(archive.stats());
  }

  /** Fetches and stores the article at {@code url}; the reply names what was stored or why nothing was. */
  public Reply add(String url) {
    return renderer.added(archive.add(url));
  }

  private Reply askPage(String question, int offset) throws IOException {
    // One more than the page holds tells whether a "More results" button is needed; the answer's article counts too.
    int limit = 1 + offset + PageSizes.ASK + 1;
    AskResult result = archive.ask(question, limit);
    return renderer.answer(result, ResultPage.ofAnswer(result.hits().size(), offset));
  }

  private Reply searchPage(String query, int offset) throws IOException {
    SearchResult result =
        archive.search(new SearchRequest(query, PageSizes.SEARCH, offset, SortOrder.RELEVANCE));
    return renderer.searchResults(result, offset);
  }
}
