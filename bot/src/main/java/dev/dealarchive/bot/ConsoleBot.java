package dev.dealarchive.bot;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The bot without Slack: reads one question per line and prints the reply the bot would post, as text or as the
 * Block Kit JSON. Lines starting with {@code /archive} work like the slash command.
 */
public final class ConsoleBot {
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

  private final CommandRouter router;
  private final boolean json;

  /**
   * @param replies answers from the archive
   * @param json print Block Kit JSON instead of text
   */
  public ConsoleBot(ReplyService replies, boolean json) {
    this(new CommandRouter(replies), json);
  }

  /**
   * @param router maps each command to its reply, as it does in Slack
   * @param json print Block Kit JSON instead of text
   */
  public ConsoleBot(CommandRouter router, boolean json) {
    this.router = router;
    this.json = json;
  }

  /**
   * Answers every line of {@code in} until it ends.
   *
   * @param prompt printed before each question, or empty for none (when input is not a terminal)
   */
  public void run(BufferedReader in, PrintWriter out, String prompt) throws IOException {
    while (true) {
      if (!prompt.isEmpty()) {
        out.print(prompt);
        out.flush();
      }
      String line = in.readLine();
      if (line == null) {
        return;
      }
      if (line.isBlank()) {
        continue;
      }
      print(reply(line.strip()), out);
    }
  }

  /** The reply to one line of input. */
  public Reply reply(String line) {
    try {
      String text = line.startsWith(SlackBot.COMMAND + " ") || line.equals(SlackBot.COMMAND)
          ? line.substring(SlackBot.COMMAND.length()) : null;
      if (text == null) {
        String question = IncomingText.question(line);
        Reply quoted = router.replies().ask(question);
        // On a terminal there is no message to update: wait for the written answer, if a model is configured.
        return router.replies().written(question, quoted).orElse(quoted);
      }
      return router.route(SlashCommand.parse(text), CommandRouter.Caller.console()).reply();
    } catch (Exception e) {
      return FailureReplies.of(router.replies().renderer(), "answering on the console", e);
    }
  }

  private void print(Reply reply, PrintWriter out) {
    if (json) {
      JsonObject message = new JsonObject();
      message.addProperty("text", reply.text());
      message.add("blocks", PRETTY.fromJson(reply.blocksJson(), JsonElement.class));
      out.println(PRETTY.toJson(message));
    } else {
      out.println(reply.terminalText());
      out.println();
    }
    out.flush();
  }
}
