/**
 * {@code archive watch}: keeps the index in line with folders and feeds while it runs. {@link
 * dev.dealarchive.watch.FolderWatcher} turns file-system events (and a periodic rescan) into settled changes, {@link
 * dev.dealarchive.watch.FeedPoller} polls feeds with conditional GET, and {@link dev.dealarchive.watch.Watcher} is the
 * one writer that commits both in small batches.
 */
package dev.dealarchive.watch;
