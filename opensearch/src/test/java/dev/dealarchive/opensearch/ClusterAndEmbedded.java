package dev.dealarchive.opensearch;

import dev.dealarchive.engine.EmbeddedEngine;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import java.nio.file.Path;
import java.util.List;

/**
 * Real OpenSearch nodes and an embedded engine over {@code data/}: the pair the tests comparing the two engines start
 * with. The nodes live in {@code node/} under the test's folder and the embedded index in {@code embedded/}.
 */
record ClusterAndEmbedded(TestCluster cluster, EmbeddedEngine embedded) implements AutoCloseable {
  /** The sample articles every comparison indexes. */
  static final Path DATA = Path.of("..", "data").toAbsolutePath().normalize();

  /** Starts {@code nodes} nodes of {@code distribution} and indexes {@code data/} with the embedded engine. */
  static ClusterAndEmbedded start(Path base, int nodes, TestCluster.Distribution distribution) throws Exception {
    TestCluster cluster = TestCluster.start(base.resolve("node"), nodes, distribution);
    try {
      EmbeddedEngine embedded = EmbeddedEngine.open(base.resolve("embedded"));
      try {
        embedded.index(List.of(DATA), IndexOptions.defaults(), IndexProgress.NONE);
        return new ClusterAndEmbedded(cluster, embedded);
      } catch (Exception | Error e) {
        embedded.close();
        throw e;
      }
    } catch (Exception | Error e) {
      // The nodes are other processes: a failed start must not leave them running until the test JVM ends.
      cluster.close();
      throw e;
    }
  }

  /** Closes the embedded engine, then stops the nodes, even when the first fails. */
  @Override
  public void close() throws Exception {
    try {
      embedded.close();
    } finally {
      cluster.close();
    }
  }
}
