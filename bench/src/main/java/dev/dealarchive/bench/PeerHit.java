package dev.dealarchive.bench;

/**
 * One hit of the SQLite FTS5 peer.
 *
 * @param id the article's id
 * @param title its title
 * @param snippet the snippet FTS5 cut from its body, matches in square brackets
 */
public record PeerHit(String id, String title, String snippet) {}
