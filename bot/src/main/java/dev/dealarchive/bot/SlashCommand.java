package dev.dealarchive.bot;

import java.util.Locale;

/** What a {@code /archive ...} command asks for. */
public sealed interface SlashCommand {

  /** Default and largest number of articles {@code /archive latest} lists. */
  int LATEST_DEFAULT = 5;
  /** Largest number of articles {@code /archive latest} lists. */
  int LATEST_MAX = 20;

  /** {@code /archive <question>}. */
  record Ask(String question) implements SlashCommand {}

  /** {@code /archive search <query>}. */
  record Search(String query) implements SlashCommand {}

  /** {@code /archive latest [n]}. */
  record Latest(int count) implements SlashCommand {}

  /** {@code /archive stats}. */
  record Stats() implements SlashCommand {}

  /**
   * {@code /archive add <url>}.
   *
   * @param url the address as typed, with Slack's link form and escapes undone ({@link IncomingText#url})
   */
  record Add(String url) implements SlashCommand {}

  /** {@code /archive reindex}. */
  record Reindex() implements SlashCommand {}

  /** {@code /archive follow <query>}: post new articles matching the query in this channel. */
  record Follow(String query) implements SlashCommand {}

  /** {@code /archive following}: the channel's followed queries, numbered. */
  record Following() implements SlashCommand {}

  /** {@code /archive unfollow <number>}. */
  record Unfollow(int number) implements SlashCommand {}

  /**
   * {@code /archive digest daily|weekly [query]} and {@code /archive digest off}.
   *
   * @param period {@code daily}, {@code weekly}, or {@code null} for {@code off}
   * @param query only articles matching it; empty for all
   */
  record Digest(String period, String query) implements SlashCommand {}

  /**
   * {@code /archive scope [filters|clear]}.
   *
   * @param filters the filters to set; {@code null} to show the scope, empty to clear it
   */
  record Scope(String filters) implements SlashCommand {}

  /** {@code /archive help}, an empty command, or a sub-command used wrongly. */
  record Help(String problem) implements SlashCommand {}

  /**
   * Reads the text after {@code /archive}, as Slack sends it: Slack's {@code &amp;}, {@code &lt;}, {@code &gt;}
   * escapes and mention markup are undone ({@link IncomingText#question}), except in the address of {@code add}.
   */
  static SlashCommand parse(String text) {
    String raw = text == null ? "" : text.strip();
    String[] rawWords = raw.split("\\s+", 2);
    if (rawWords[0].equalsIgnoreCase("add")) {
      String address = rawWords.length > 1 ? rawWords[1].strip() : "";
      return address.isEmpty()
          ? new Help("`/archive add` needs the address of an article page, such as "
              + "`/archive add https://news.example/deal`.")
          : new Add(IncomingText.url(address));
    }
    String trimmed = IncomingText.question(raw);
    if (trimmed.isEmpty()) {
      return new Help(null);
    }
    String[] words = trimmed.split("\\s+", 2);
    String first = words[0].toLowerCase(Locale.ROOT);
    String rest = words.length > 1 ? words[1].strip() : "";
    return switch (first) {
      case "help" -> rest.isEmpty() ? new Help(null) : new Ask(trimmed);
      case "search" -> rest.isEmpty() ? new Help("`/archive search` needs a query.") : new Search(rest);
      case "latest" -> latest(rest, trimmed);
      case "stats" -> rest.isEmpty() ? new Stats() : new Ask(trimmed);
      case "reindex" -> rest.isEmpty() ? new Reindex() : new Ask(trimmed);
      case "follow" -> rest.isEmpty()
          ? new Help("`/archive follow` needs a query, such as `/archive follow OpenAI cloud source:Reuters`.")
          : new Follow(rest);
      case "following" -> rest.isEmpty() ? new Following() : new Ask(trimmed);
      case "unfollow" -> rest.matches("#?\\d{1,6}")
          ? new Unfollow(Integer.parseInt(rest.replace("#", "")))
          : new Help("`/archive unfollow` needs the number `/archive following` shows, such as `/archive unfollow 2`.");
      case "digest" -> digest(rest);
      case "scope" -> rest.isEmpty() ? new Scope(null)
          : rest.equalsIgnoreCase("clear") ? new Scope("") : new Scope(rest);
      default -> new Ask(trimmed);
    };
  }

  private static SlashCommand digest(String rest) {
    String[] words = rest.split("\\s+", 2);
    String period = words[0].toLowerCase(Locale.ROOT);
    String query = words.length > 1 ? words[1].strip() : "";
    return switch (period) {
      case "daily", "weekly" -> new Digest(period, query);
      case "off" -> words.length == 1 ? new Digest(null, "") : digestUsage();
      default -> digestUsage();
    };
  }

  private static Help digestUsage() {
    return new Help("`/archive digest` takes `daily`, `weekly` (each optionally followed by a query) or `off`.");
  }

  private static SlashCommand latest(String rest, String whole) {
    if (rest.isEmpty()) {
      return new Latest(LATEST_DEFAULT);
    }
    if (!rest.matches("\\d{1,6}")) {
      return new Ask(whole);
    }
    int count = Integer.parseInt(rest);
    if (count < 1) {
      return new Help("`/archive latest n` needs a number from 1 to " + LATEST_MAX + ".");
    }
    return new Latest(Math.min(count, LATEST_MAX));
  }
}
