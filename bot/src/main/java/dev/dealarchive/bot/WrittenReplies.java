package dev.dealarchive.bot;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.DividerBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import dev.dealarchive.generate.Citation;
import dev.dealarchive.generate.Generation;
import dev.dealarchive.generate.WrittenAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * A quoted answer with the model's written answer above it, as the message is updated once the model answers.
 *
 * <p>The written text comes from a model and is escaped like article text; its {@code [n]} citations are listed under
 * it with the cited article linked. When the model gave no usable answer, a context line says why and the quoted
 * answer stands as it was.
 */
final class WrittenReplies {
  private static final int WRITTEN_CHARS = 2_500;

  private WrittenReplies() {}

  /** {@code shown} with the written answer (or the reason there is none) above it. */
  static Reply above(Generation generation, Reply shown) {
    List<LayoutBlock> top = new ArrayList<>();
    String text;
    if (generation.answer() == null) {
      text = "_No written answer (" + Mrkdwn.escapeOneLine(generation.fallbackReason()) + "); the quoted answer stands._";
      top.add(context(TextLimits.cut(text, TextLimits.CONTEXT_TEXT)));
    } else {
      WrittenAnswer written = generation.answer();
      String body = TextLimits.cut(Mrkdwn.escape(written.text()), WRITTEN_CHARS);
      top.add(SectionBlock.builder().text(MarkdownTextObject.builder().text(body).build()).build());
      StringBuilder sources = new StringBuilder();
      for (Citation citation : written.citations()) {
        if (!sources.isEmpty()) {
          sources.append('\n');
        }
        sources.append('[').append(citation.number()).append("] ").append(ReplyRenderer.citation(citation.article()));
      }
      String note = generation.notice() == null ? "" : "\n" + Mrkdwn.escapeOneLine(generation.notice());
      top.add(context(TextLimits.cut(sources + "\n_Written by " + Mrkdwn.escapeOneLine(written.model())
          + " from the passages below; every sentence cites them._" + note, TextLimits.CONTEXT_TEXT)));
      top.add(DividerBlock.builder().build());
      text = body;
    }
    List<LayoutBlock> blocks = new ArrayList<>(top);
    blocks.addAll(shown.blocks().subList(0, Math.min(shown.blocks().size(), TextLimits.BLOCKS - top.size())));
    return new Reply(text + "\n" + shown.text(), blocks);
  }

  private static ContextBlock context(String mrkdwn) {
    return ContextBlock.builder().elements(List.of(MarkdownTextObject.builder().text(mrkdwn).build())).build();
  }
}
