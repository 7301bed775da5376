/**
 * The archive on an OpenSearch cluster, behind the same engine seam as the folder index: {@link
 * dev.dealarchive.opensearch.OpenSearchEngine} (chosen with {@code --opensearch} through {@link
 * dev.dealarchive.opensearch.OpenSearchEngineProvider}) reads by translating the archive's queries into the cluster's
 * ({@link dev.dealarchive.opensearch.DslQueries}, {@link dev.dealarchive.opensearch.ClusterSearch}, {@link
 * dev.dealarchive.opensearch.ClusterAnswers}, vectors in {@link dev.dealarchive.opensearch.ClusterVectors}) and
 * writes what the archive's own indexer finds changed in a {@link dev.dealarchive.opensearch.WorkingCopy}, by id
 * ({@link dev.dealarchive.opensearch.BulkWriter}). Also the commands {@code archive migrate} and {@code archive
 * opensearch-bm25}.
 */
package dev.dealarchive.opensearch;
