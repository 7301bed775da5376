package dev.dealarchive.answer;

import dev.dealarchive.search.QueryPart;
import java.util.List;

/**
 * One concept of a question as query parts: a question word (or OR group, or phrase), or a name together with its
 * aliases from the synonyms file. Any part matching counts as the concept being present.
 *
 * @param parts the alternatives, the word as asked first
 */
record ConceptGroup(List<QueryPart> parts) {
  ConceptGroup {
    parts = List.copyOf(parts);
  }
}
