package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleBotTest {
  private final ReplyService replies =
      new ReplyService(new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi()), new ReplyRenderer());

  @Test
  void questionOnStandardInputIsAnsweredAsText() throws Exception {
    StringWriter out = new StringWriter();

    new ConsoleBot(replies, false).run(new BufferedReader(new StringReader(
        "what revenue share does OpenAI pay Microsoft?\n")), new PrintWriter(out), "");

    assertTrue(out.toString().contains("20%"), out.toString());
    assertTrue(out.toString().contains("Microsoft and OpenAI make their partnership non-exclusive "
        + "(https://news.example/microsoft-openai)"), out.toString());
  }

  @Test
  void jsonOptionPrintsTheBlockKitMessage() throws Exception {
    StringWriter out = new StringWriter();

    new ConsoleBot(replies, true).run(new BufferedReader(new StringReader("/archive stats\n")),
        new PrintWriter(out), "");

    assertTrue(out.toString().contains("\"blocks\""), out.toString());
    assertTrue(out.toString().contains("\"type\": \"section\""), out.toString());
  }
}
