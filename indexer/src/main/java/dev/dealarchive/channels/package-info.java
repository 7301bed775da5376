/**
 * What chat channels asked of the archive: followed queries, digests and search scopes, kept in one small JSON file
 * in the index folder ({@link dev.dealarchive.channels.ChannelSettings}) so they survive restarts and
 * {@code archive stats} can list them. The Slack bot writes it; nothing here knows Slack.
 */
package dev.dealarchive.channels;
