package dev.dealarchive.search;

import java.util.List;

/**
 * One searchable element of a parsed query.
 *
 * @param text the word or the phrase's words, as typed
 * @param phrase true for a quoted phrase, matched exactly and in order
 * @param titleOnly true for {@code title:} parts
 */
public record QueryPart(String text, boolean phrase, boolean titleOnly) {
  /** A plain word matched in title and body. */
  public static QueryPart word(String text) {
    return new QueryPart(text, false, false);
  }

  /** The parts of a group of alternatives written with {@code OR}. */
  public record Group(List<QueryPart> alternatives) {
    public Group {
      alternatives = List.copyOf(alternatives);
    }
  }
}
