package dev.dealarchive.generate;

import dev.dealarchive.search.SearchHit;

/**
 * A passage sent to the model under a number.
 *
 * @param number what the model cites it as, from 1
 * @param article the article it was taken from
 * @param text the passage, verbatim
 */
public record SourcePassage(int number, SearchHit article, String text) {}
