/** Benchmarks of the bot, run by hand; not tests. */
package dev.dealarchive.bot.bench;
