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

  private final ReplyService replies;
  private final boolean json;

  /**
   * @param replies answers from the archive
   * @param json print Block Kit JSON instead of text
   */
  public ConsoleBot(ReplyService replies, boolean json) {
    this.replies = replies;
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
        return replies.ask(IncomingText.question(line));
      }
      return switch (SlashCommand.parse(text)) {
        case SlashCommand.Ask ask -> replies.ask(ask.question());
        case SlashCommand.Search search -> replies.search(search.query());
        case SlashCommand.Latest latest -> replies.latest(latest.count());
        case SlashCommand.Stats stats -> replies.stats();
        case SlashCommand.Add add -> replies.add(add.url());
        case SlashCommand.Reindex reindex ->
            replies.renderer().notice("Reindexing runs from Slack or with `archive index`, not from the console.");
        case SlashCommand.Help help -> replies.renderer().help();
      };
    } catch (Exception e) {
      return FailureReplies.of(replies.renderer(), "answering on the console", e);
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
