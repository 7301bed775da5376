package dev.dealarchive.search;

import java.time.Instant;
import java.util.List;

/**
 * A query in the archive's query language, parsed into its parts.
 *
 * @param required groups of which each must match (a group of one part is a plain word or phrase; more parts came
 *     from {@code OR})
 * @param excluded parts that must not match ({@code -word})
 * @param sources {@code source:} values, lower-cased; an article matches when it has any of them
 * @param tags {@code tag:} values, lower-cased; an article must have all of them
 * @param from earliest publication time, inclusive, or {@code null}
 * @param until latest publication time, exclusive, or {@code null}
 * @param notices what the parser could not read as written and how it read it instead
 */
public record ParsedQuery(
    List<QueryPart.Group> required,
    List<QueryPart> excluded,
    List<String> sources,
    List<String> tags,
    Instant from,
    Instant until,
    List<String> notices) {

  public ParsedQuery {
    required = List.copyOf(required);
    excluded = List.copyOf(excluded);
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
    notices = List.copyOf(notices);
  }

  /** True when the query only filters (no words or phrases to match), so results are listed newest first. */
  public boolean filtersOnly() {
    return required.isEmpty();
  }

  /** True when the query has filters (source, tag or dates). */
  public boolean hasFilters() {
    return !sources.isEmpty() || !tags.isEmpty() || from != null || until != null;
  }

  /** Every word and phrase that can match, for marking matched words in passages. */
  public List<QueryPart> positiveParts() {
    return required.stream().flatMap(g -> g.alternatives().stream()).toList();
  }
}
