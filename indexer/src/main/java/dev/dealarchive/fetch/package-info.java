/**
 * Fetching pages and feeds from urls that users supply: {@link dev.dealarchive.fetch.UrlGuard} refuses schemes and
 * addresses that could reach internal services, {@link dev.dealarchive.fetch.HttpFetcher} enforces timeouts,
 * redirects, size and content type, and {@link dev.dealarchive.fetch.ArticleAdder} turns one page into a stored
 * article (for {@code archive add} and the bot's {@code /archive add}).
 */
package dev.dealarchive.fetch;
