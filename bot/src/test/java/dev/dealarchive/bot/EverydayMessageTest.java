package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** help, hi, thanks and latest in a DM or the console are answered as what they are, not searched for. */
class EverydayMessageTest {
  private final ReplyService replies =
      new ReplyService(new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi()), new ReplyRenderer());
  private final ConsoleBot console = new ConsoleBot(replies, false);

  @Test
  void thanksIsAcknowledgedNotSearched() {
    String text = console.reply("thanks!").text();
    assertTrue(text.contains("welcome"), text);
    assertFalse(text.contains("Showing results"), text);
  }

  @Test
  void helpAndHiExplainWhatTheBotDoes() {
    assertEquals(replies.renderer().help().text(), console.reply("help").text());
    String hi = console.reply("Hi!").text();
    assertTrue(hi.contains("Ask me") && hi.contains("help"), hi);
  }

  @Test
  void latestListsTheNewestArticles() {
    String text = console.reply("latest").text();
    assertTrue(text.contains("Microsoft and OpenAI make their partnership non-exclusive"), text);
  }

  @Test
  void questionsThatStartWithTheseWordsStayQuestions() {
    assertEquals(Optional.empty(), EverydayMessage.of("latest AWS deals"));
    assertEquals(Optional.empty(), EverydayMessage.of("help with the OpenAI revenue share"));
    assertEquals(Optional.of(EverydayMessage.THANKS), EverydayMessage.of("Thank you very much."));
    assertEquals(Optional.of(EverydayMessage.GREETING), EverydayMessage.of("  hello there"));
  }
}
