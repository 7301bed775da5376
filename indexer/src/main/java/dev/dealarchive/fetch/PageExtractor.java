package dev.dealarchive.fetch;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.read.HtmlReader;
import java.net.URI;

/** Fetches a page and extracts its article with the core's {@link HtmlReader}. Thread-safe. */
public final class PageExtractor {
  private final HttpFetcher fetcher;

  /** An extractor fetching through {@code fetcher} (not closed by this class). */
  public PageExtractor(HttpFetcher fetcher) {
    this.fetcher = fetcher;
  }

  /**
   * Fetches {@code uri} and extracts its article. The draft's url is the page's canonical url, else the url finally
   * fetched after redirects; its source is the site name the page states, else the host name.
   *
   * @throws FetchException when the fetch fails, or with {@link FetchFailure#UNREADABLE} when the page has neither
   *     title nor text
   */
  public ArticleDraft extract(URI uri) throws FetchException {
    FetchResult page = fetcher.fetchPage(uri);
    String html = PageText.decode(page.body(), page.contentType());
    ArticleDraft draft = HtmlReader.fromHtml(html, page.uri().toString());
    if (draft.isEmpty()) {
      throw new FetchException(FetchFailure.UNREADABLE, "no title and no text in " + page.uri());
    }
    if (draft.url() != null && !draft.source().isEmpty()) {
      return draft;
    }
    String host = page.uri().getHost() == null ? "" : page.uri().getHost();
    return new ArticleDraft(
        draft.explicitId(),
        draft.title(),
        draft.body(),
        draft.published(),
        draft.source().isEmpty() ? (host.startsWith("www.") ? host.substring(4) : host) : draft.source(),
        draft.url() != null ? draft.url() : page.uri().toString(),
        draft.authors(),
        draft.tags(),
        draft.line());
  }
}
