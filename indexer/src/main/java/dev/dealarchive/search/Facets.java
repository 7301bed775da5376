package dev.dealarchive.search;

import java.util.List;

/**
 * How many matching articles fall under each source, tag, year and month: the counts a page shows beside its results
 * (to narrow a search by clicking one) and over them (a timeline).
 *
 * @param sources sources as written, most articles first, then by name
 * @param tags tags in their lower-cased filter form, most articles first, then by name
 * @param years publication years ({@code YYYY}), oldest first; undated articles are not counted
 * @param months publication months ({@code YYYY-MM}), oldest first, only months with articles
 */
public record Facets(List<Count> sources, List<Count> tags, List<Count> years, List<Count> months) {
  public Facets {
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
    years = List.copyOf(years);
    months = List.copyOf(months);
  }

  /** No counts: for a query that matches nothing or has nothing to search for. */
  public static Facets empty() {
    return new Facets(List.of(), List.of(), List.of(), List.of());
  }

  /** One value and the number of matching articles that have it. */
  public record Count(String value, long count) {}
}
