package dev.dealarchive.generate;

import java.util.List;

/**
 * An answer the model wrote, every sentence of it citing a passage that was sent.
 *
 * @param text the answer with its {@code [n]} citations
 * @param citations each cited number once, in order, resolved to its article
 * @param model the model that wrote it
 */
public record WrittenAnswer(String text, List<Citation> citations, String model) {
  public WrittenAnswer {
    citations = List.copyOf(citations);
  }
}
