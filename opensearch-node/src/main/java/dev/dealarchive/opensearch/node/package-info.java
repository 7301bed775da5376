/**
 * A real OpenSearch node for the cluster tests, started in a JVM of its own ({@link
 * dev.dealarchive.opensearch.node.NodeMain}) so its Lucene never meets the archive's; the tests talk to it over HTTP
 * on loopback and stop it through its standard input.
 */
package dev.dealarchive.opensearch.node;
