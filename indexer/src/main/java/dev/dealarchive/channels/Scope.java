package dev.dealarchive.channels;

/**
 * Filters applied to every question and search in a channel.
 *
 * @param channel the channel id
 * @param filters filters in the search query language, such as {@code source:Reuters tag:cloud}
 * @param user the admin who set them
 * @param set when, ISO-8601
 */
public record Scope(String channel, String filters, String user, String set) {}
