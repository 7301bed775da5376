/**
 * {@code archive serve}: a read-only web page and JSON API over the archive.
 *
 * <p>{@link dev.dealarchive.web.WebServer} is the one entry point: it serves the search page ({@link
 * dev.dealarchive.web.Pages}), the article page and the JSON API ({@link dev.dealarchive.web.Api}) from the JDK's
 * HTTP server on virtual threads, behind {@link dev.dealarchive.web.Access} when a token is set. Everything it reads
 * goes through {@link dev.dealarchive.web.WebArchive}, so the same server runs over any engine.
 */
package dev.dealarchive.web;
