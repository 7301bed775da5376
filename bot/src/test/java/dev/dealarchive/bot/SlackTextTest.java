package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.answer.AskResult;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Text crossing between Slack and the archive: what people type arrives as typed, what is posted cannot ping. */
class SlackTextTest {

  @Test
  void slashCommandTextIsUnescapedAsSlackEscapesIt() {
    assertEquals(new SlashCommand.Search("AT&T <merger>"), SlashCommand.parse("search AT&amp;T &lt;merger&gt;"));
    assertEquals(new SlashCommand.Ask("did AT&T sign?"), SlashCommand.parse("did AT&amp;T sign?"));
    assertEquals(new SlashCommand.Ask("ask about the deal"), SlashCommand.parse("ask <@U123|bob> about the deal"));
  }

  @Test
  void slashCommandAddKeepsTheAddressAsTyped() {
    assertEquals(new SlashCommand.Add("https://news.example/a?x=1&y=2"),
        SlashCommand.parse("add <https://news.example/a?x=1&amp;y=2>"));
  }

  @Test
  void veryLongSlashCommandIsShortenedNotFailed() {
    SlashCommand command = SlashCommand.parse("search " + "cloud ".repeat(8_000));
    SlashCommand.Search search = (SlashCommand.Search) command;
    assertTrue(search.query().length() <= 1_000, "length " + search.query().length());
  }

  @Test
  void plainHereChannelAndEveryoneCannotPing() {
    String escaped = Mrkdwn.escape("Ping @here, @Channel and @everyone; mail deals@heres.example");
    String lower = escaped.toLowerCase(Locale.ROOT);
    for (String ping : List.of("@here", "@channel", "@everyone")) {
      assertFalse(lower.matches("(?s).*" + ping + "\\b.*"), ping + " in " + escaped);
    }
    assertTrue(escaped.contains("deals@heres.example"), escaped);
    assertTrue(Mrkdwn.escapeOneLine("title @here").startsWith("title @"));
  }

  @Test
  void noAnswerTipNamesTheSlashCommandNotTheCommandLine() {
    AskResult nothing = new AskResult("zebras", null, null, List.of(),
        "Try fewer or other words, a company's full name, or `archive search` with a \"quoted phrase\".",
        List.of(), 0);

    String text = new ReplyRenderer().answer(nothing, 0).text();

    assertTrue(text.contains("`/archive search`"), text);
  }
}
