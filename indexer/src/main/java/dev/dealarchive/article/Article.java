package dev.dealarchive.article;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One article of the archive, as stored in the index.
 *
 * @param id stable identifier: an explicit id, else the url, else the path relative to the indexed root
 * @param title headline, possibly empty
 * @param body article text, possibly empty
 * @param published publication time, or {@code null} when unknown
 * @param source publisher name, possibly empty
 * @param url canonical url, or {@code null}
 * @param authors author names, never {@code null}
 * @param tags free tags, never {@code null}
 * @param origin where the article came from: the absolute path of its file (the key used to delete it when the
 *     file goes away), a feed url, or a page url
 * @param contentHash hash of every field above except {@code origin}; equal hashes mean the stored article is current
 */
public record Article(
    String id,
    String title,
    String body,
    Instant published,
    String source,
    String url,
    List<String> authors,
    List<String> tags,
    String origin,
    String contentHash) {

  public Article {
    Objects.requireNonNull(id, "id");
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    source = source == null ? "" : source;
    authors = authors == null ? List.of() : List.copyOf(authors);
    tags = tags == null ? List.of() : List.copyOf(tags);
    origin = origin == null ? "" : origin;
    Objects.requireNonNull(contentHash, "contentHash");
  }

  /** Builds an article from a reader's draft, computing its content hash. */
  public static Article of(String id, ArticleDraft draft, String origin) {
    return new Article(
        id,
        draft.title(),
        draft.body(),
        draft.published(),
        draft.source(),
        draft.url(),
        draft.authors(),
        draft.tags(),
        origin,
        ContentHash.of(id, draft));
  }
}
