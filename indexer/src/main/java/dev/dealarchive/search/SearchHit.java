package dev.dealarchive.search;

import dev.dealarchive.article.Article;
import java.time.Instant;
import java.util.List;

/**
 * One article found by a search.
 *
 * @param id article id
 * @param title title, possibly empty
 * @param source publisher, possibly empty
 * @param url url or {@code null}
 * @param published publication time or {@code null}
 * @param score relevance score (0 for filter-only queries; a NaN score, nothing scored, is taken as 0)
 * @param snippet the best passage of the article with matched words marked
 * @param tags the article's tags
 */
public record SearchHit(
    String id,
    String title,
    String source,
    String url,
    Instant published,
    float score,
    MarkedText snippet,
    List<String> tags) {
  public SearchHit {
    score = Float.isNaN(score) ? 0f : score;
  }

  /** The hit of a stored article with {@code snippet} as its passage. */
  public static SearchHit of(Article article, float score, MarkedText snippet) {
    return new SearchHit(
        article.id(),
        article.title(),
        article.source(),
        article.url(),
        article.published(),
        score,
        snippet,
        article.tags());
  }
}
