package dev.dealarchive.eval;

import java.util.Objects;

/**
 * One test query.
 *
 * @param id query id as used in qrels and run files; not blank, without whitespace
 * @param text the query text handed to the searcher; not blank
 */
public record Topic(String id, String text) {
  public Topic {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    if (id.isBlank() || InputLines.hasWhitespace(id)) {
      throw new IllegalArgumentException("topic id must be non-blank without whitespace: '" + id + "'");
    }
    if (text.isBlank()) {
      throw new IllegalArgumentException("topic " + id + " has blank text");
    }
  }
}
