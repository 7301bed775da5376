package dev.dealarchive.bot;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;

/**
 * A message the bot posts: Block Kit blocks and the plain {@code text} fallback Slack shows in notifications. Both
 * are already escaped for mrkdwn and within Slack's limits.
 *
 * @param text the fallback text, at most {@link TextLimits#MESSAGE_TEXT} characters
 * @param blocks the blocks, at most {@link TextLimits#BLOCKS}
 */
public record Reply(String text, List<LayoutBlock> blocks) {
  private static final Gson GSON = GsonFactory.createSnakeCase();

  public Reply {
    text = TextLimits.cut(text == null ? "" : text, TextLimits.MESSAGE_TEXT);
    blocks = blocks == null ? List.of() : List.copyOf(blocks.subList(0, Math.min(blocks.size(), TextLimits.BLOCKS)));
  }

  /** The blocks as the JSON array Slack's API takes. */
  public String blocksJson() {
    return GSON.toJson(blocks);
  }

  /** The fallback text as plain text for a terminal: links as "label (url)", no bold markers, escapes undone. */
  public String terminalText() {
    String plain = text.replaceAll("<(https?://[^|>]+)\\|([^>]*)>", "$2 ($1)")
        .replaceAll("(?<![\\w*])\\*([^*\n]+)\\*(?![\\w*])", "$1");
    return plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }
}
