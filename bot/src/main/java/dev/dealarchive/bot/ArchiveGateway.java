package dev.dealarchive.bot;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The archive calls the bot makes. The bot owns no search logic: this is the whole surface it needs, so the Slack
 * side can be tested against a small in-memory archive and run against the real one.
 */
public interface ArchiveGateway extends AutoCloseable {

  /**
   * Answers a question.
   *
   * @param question the question as typed
   * @param limit number of articles wanted, the answer's article included
   */
  AskResult ask(String question, int limit) throws IOException;

  /** Runs a search in the archive's query language. */
  SearchResult search(SearchRequest request) throws IOException;

  /** The {@code n} newest articles, newest first. */
  List<SearchHit> latest(int n) throws IOException;

  /** Figures about the archive. */
  ArchiveStats stats() throws IOException;

  /** Number of articles, cheap enough for a health check. */
  long articleCount() throws IOException;

  /**
   * Re-syncs the index with the inputs it was built from and returns what changed.
   *
   * @throws dev.dealarchive.indexing.IndexBusyException when another process is indexing
   */
  IndexSummary reindex() throws IOException;

  /**
   * Fetches the article page at {@code url}, stores it and says what was stored or why nothing was. The url's safety
   * rules (http and https only, internal addresses refused, timeouts, redirect, size and content-type limits) are
   * the implementation's.
   *
   * @param url the address as typed, Slack's {@code <url>} and {@code <url|label>} forms included
   * @return the outcome; failures are results ({@link AddResult.Status#REFUSED}, {@link AddResult.Status#FAILED}),
   *     never exceptions
   */
  AddResult add(String url);

  /**
   * The ids of the articles in the index for which {@code known} is false: how the bot finds articles committed since
   * it last looked, by any process. {@code known} must only ever grow between calls (implementations may skip parts
   * of the index whose every id was known before).
   */
  List<String> articleIdsExcept(Predicate<String> known) throws IOException;

  /**
   * The articles among {@code ids} that match every word and filter of {@code query} (every one of them when the query
   * is blank), newest first, each with the passage that best matches the query as snippet.
   *
   * @param limit most hits returned; the result's total counts every match
   */
  SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException;

  @Override
  void close() throws IOException;
}
