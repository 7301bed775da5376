/** The Slack bot: translates Slack events to archive calls and archive results to Block Kit. */
package dev.dealarchive.bot;
