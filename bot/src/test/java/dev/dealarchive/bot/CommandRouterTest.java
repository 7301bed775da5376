package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CommandRouterTest {
  private final InMemoryArchive archive = new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi());
  private final CommandRouter router = new CommandRouter(new ReplyService(archive, new ReplyRenderer()));
  private final CommandRouter.Caller slackUser =
      new CommandRouter.Caller("U0ASKER", "C0CHAN", false, CommandRouter.Surface.SLACK);

  @Test
  void consoleAndSlackGetTheSameSearchReply() throws IOException {
    SlashCommand search = SlashCommand.parse("search revenue share");

    CommandRouter.Routed slack = router.route(search, slackUser);
    Reply console = new ConsoleBot(router, false).reply("/archive search revenue share");

    assertEquals(CommandRouter.Audience.ASKER, slack.audience());
    assertEquals(console.text(), slack.reply().text());
  }

  @Test
  void searchPageHoldsThePageSizeFromOnePlace() throws IOException {
    for (int i = 0; i < 12; i++) {
      archive.add(new InMemoryArchive.Doc("cloud-" + i, "Cloud deal " + i, "Cloud capacity deal.", "Wire", null,
          java.time.Instant.parse("2025-01-01T00:00:00Z")));
    }

    Reply page = router.route(SlashCommand.parse("search cloud"), slackUser).reply();

    assertEquals(PageSizes.SEARCH, page.text().split("\u2022", -1).length - 1, page.text());
    assertTrue(page.blocksJson().contains(ReplyRenderer.MORE_RESULTS_ACTION));
  }

  @Test
  void wronglyUsedCommandExplainsTheProblemAboveTheHelp() throws IOException {
    Reply reply = router.route(SlashCommand.parse("search"), slackUser).reply();

    assertTrue(reply.text().startsWith("`/archive search` needs a query."), reply.text());
    assertTrue(reply.text().contains("/archive stats"), reply.text());
  }
}
