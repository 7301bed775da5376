package dev.dealarchive.embed;

/**
 * A passage of an article: a few consecutive sentences of its body, embedded with the article's title as context.
 *
 * @param ordinal position among the article's passages, from 0
 * @param start character offset in the article's body where the passage starts (0 for a title-only passage)
 * @param end character offset in the body where it ends, exclusive ({@code start == end} for a title-only passage)
 * @param text the body's text from {@code start} to {@code end}: what an answer quotes
 */
public record Passage(int ordinal, int start, int end, String text) {
  /** The text given to the model: the title, then the passage, so a passage that says "the deal" knows which. */
  public String embeddingText(String title) {
    String heading = PassageSplitter.context(title);
    if (heading.isEmpty()) {
      return text;
    }
    if (text.isEmpty()) {
      return heading;
    }
    return heading + "\n" + text;
  }
}
