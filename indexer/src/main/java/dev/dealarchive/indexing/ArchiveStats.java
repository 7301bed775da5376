package dev.dealarchive.indexing;

import java.time.Instant;
import java.util.Map;

/**
 * Figures about an index.
 *
 * @param articles number of articles
 * @param sources article count per source, largest first
 * @param oldest earliest publication time, or {@code null} when no article has a date
 * @param newest latest publication time, or {@code null}
 * @param sizeBytes size of the index on disk
 * @param lastUpdate time of the last commit, or {@code null} for an empty new index
 */
public record ArchiveStats(
    long articles, Map<String, Long> sources, Instant oldest, Instant newest, long sizeBytes, Instant lastUpdate) {}
