package dev.dealarchive.article;

import java.time.Instant;
import java.util.List;

/**
 * What a reader found for one article, before the archive gives it its final id.
 *
 * @param explicitId the id the input states itself ({@code id} field or front matter), or {@code null}
 * @param title headline, possibly empty
 * @param body article text, possibly empty
 * @param published publication time, or {@code null}
 * @param source publisher name, possibly empty
 * @param url the article's url (canonical when the input says so), or {@code null}
 * @param authors author names
 * @param tags tags
 * @param line 1-based line in the input where the article starts, or 0 when the input has one article
 */
public record ArticleDraft(
    String explicitId,
    String title,
    String body,
    Instant published,
    String source,
    String url,
    List<String> authors,
    List<String> tags,
    int line) {

  public ArticleDraft {
    explicitId = blankToNull(explicitId);
    title = title == null ? "" : title.strip();
    body = body == null ? "" : body.strip();
    source = source == null ? "" : source.strip();
    url = blankToNull(url);
    authors = authors == null ? List.of() : authors.stream().map(String::strip).filter(a -> !a.isEmpty()).toList();
    tags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** True when the draft has neither a title nor a body, so there is nothing to index. */
  public boolean isEmpty() {
    return title.isEmpty() && body.isEmpty();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
