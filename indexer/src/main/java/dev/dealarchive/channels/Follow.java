package dev.dealarchive.channels;

/**
 * A query a channel follows: each new article that matches it is posted there.
 *
 * @param channel the channel id
 * @param number the follow's number within its channel, as {@code following} lists it and {@code unfollow} takes it
 * @param query the query, in the search query language
 * @param user who asked to follow it
 * @param created when, ISO-8601
 */
public record Follow(String channel, int number, String query, String user, String created) {}
