/**
 * The Slack bot: translates Slack events to archive calls and archive results to Block Kit.
 *
 * <p>Map: {@link dev.dealarchive.bot.SlackBot} (Bolt handlers: ack at once, work on workers) →
 * {@link dev.dealarchive.bot.CommandRouter} (the one place a command becomes its reply, also for
 * {@link dev.dealarchive.bot.ConsoleBot}) → {@link dev.dealarchive.bot.ReplyService} (archive calls, page sizes from
 * {@link dev.dealarchive.bot.PageSizes}) → {@link dev.dealarchive.bot.ReplyRenderer} (escaped, size-limited Block
 * Kit). Standing requests of channels: {@code ChannelFeatures} (follow, digest, scope commands) and
 * {@code TopicWatcher} (new articles to followers, digests at 09:00), stored in the index folder. Conversations:
 * {@code Conversations} and {@code FollowUps} read a follow-up with the thread's or DM's earlier questions.
 */
package dev.dealarchive.bot;
