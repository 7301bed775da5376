package dev.dealarchive.answer;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;

/**
 * The passage that answers a question and the article it was taken from.
 *
 * @param passage one to three consecutive sentences, verbatim, with matched words marked
 * @param article the cited article (its snippet is the same passage)
 */
public record Answer(MarkedText passage, SearchHit article) {}
