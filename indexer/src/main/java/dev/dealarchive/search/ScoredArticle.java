package dev.dealarchive.search;

/**
 * One article of a ranking and its score, as search and answers rank them before snippets or passages are read: what
 * evaluation scores and what another engine returns for the same ranking.
 *
 * @param id the article's stable id
 * @param score retrieval score, higher is better
 */
public record ScoredArticle(String id, double score) {}
