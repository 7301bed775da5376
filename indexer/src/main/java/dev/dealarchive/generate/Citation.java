package dev.dealarchive.generate;

import dev.dealarchive.search.SearchHit;

/**
 * A passage number the written answer cites, resolved to its article.
 *
 * @param number the number as it stands in the text, {@code [n]}
 * @param article the article the passage was taken from
 */
public record Citation(int number, SearchHit article) {}
