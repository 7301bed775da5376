package dev.dealarchive.opensearch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Real OpenSearch nodes for tests, each in its own JVM started from the class path that the {@code opensearch-node}
 * module wrote at build time, so OpenSearch's Lucene never meets the archive's. Nodes bind loopback on free ports,
 * find each other through fixed transport ports chosen at start, and stop when the test JVM ends (their standard
 * input closes). Waits on conditions (a node's ready file, the cluster's health), never on fixed sleeps.
 */
final class TestCluster implements AutoCloseable {
  /**
   * Which node a test starts: the folder (in a node module's classes) holding the class path the module wrote at
   * build time ({@code node.classpath}) and, optionally, {@code node.properties} naming plugins to load
   * ({@code plugins}) and their jars ({@code plugin.classpath}). Every kind runs the same launcher, {@code NodeMain}.
   */
  enum Distribution {
    /** OpenSearch 3.8 (module {@code opensearch-node}), no plugins: the default of the engine's tests. */
    OPENSEARCH_3("/dev/dealarchive/opensearch/node/", "opensearch-node"),
    /** OpenSearch 2.19.1 with the k-NN plugin (module {@code opensearch-knn-node}). */
    OPENSEARCH_2_KNN("/dev/dealarchive/opensearch/knnnode/", "opensearch-knn-node"),
    /** OpenSearch 3.5.0 with the k-NN plugin 3.5.0.0 (module {@code opensearch-knn3-node}): vector search. */
    OPENSEARCH_3_KNN("/dev/dealarchive/opensearch/knn3node/", "opensearch-knn3-node");

    private final String folder;
    private final String module;

    Distribution(String folder, String module) {
      this.folder = folder;
      this.module = module;
    }
  }

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path base;
  private final Distribution distribution;
  private final String clusterName;
  private final List<Integer> transportPorts;
  private final List<Node> nodes = new ArrayList<>();

  /** One node process: its name, folder, and the HTTP address it bound. */
  static final class Node {
    final String name;
    final Path home;
    Process process;
    String http;

    Node(String name, Path home) {
      this.name = name;
      this.home = home;
    }

    boolean running() {
      return process != null && process.isAlive();
    }
  }

  private TestCluster(Path base, Distribution distribution, String clusterName, List<Integer> transportPorts) {
    this.base = base;
    this.distribution = distribution;
    this.clusterName = clusterName;
    this.transportPorts = transportPorts;
  }

  /** Starts {@code count} OpenSearch 3 nodes at once and waits until they form one cluster. */
  static TestCluster start(Path base, int count) throws IOException, InterruptedException {
    return start(base, count, Distribution.OPENSEARCH_3);
  }

  /** Starts {@code count} nodes of {@code distribution} at once and waits until they form one cluster. */
  static TestCluster start(Path base, int count, Distribution distribution) throws IOException, InterruptedException {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        ports.add(socket.getLocalPort());
      }
    }
    TestCluster cluster = new TestCluster(base, distribution, "archive-test-" + ProcessHandle.current().pid(), ports);
    try {
      for (int i = 0; i < count; i++) {
        Node node = new Node("node-" + (i + 1), base.resolve("node-" + (i + 1)));
        cluster.nodes.add(node);
        cluster.launch(node, i);
      }
      for (Node node : cluster.nodes) {
        cluster.awaitReady(node);
      }
      cluster.awaitHealth("yellow", count);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void launch(Node node, int index) throws IOException {
    Files.createDirectories(node.home);
    Files.deleteIfExists(node.home.resolve("ready.properties"));
    String seeds = transportPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    String managers = java.util.stream.IntStream.rangeClosed(1, transportPorts.size())
        .mapToObj(i -> "node-" + i).collect(Collectors.joining(","));
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    // Small heaps and the client compiler: three nodes fit a 2-core CI machine beside the tests.
    command.addAll(List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dfile.encoding=UTF-8", "--enable-native-access=ALL-UNNAMED"));
    NodeLaunch launch = nodeLaunch(distribution);
    command.add("-cp");
    command.add(launch.classPath());
    command.add("dev.dealarchive.opensearch.node.NodeMain");
    if (!launch.plugins().isBlank()) {
      command.add("plugins=" + launch.plugins());
    }
    command.add("home=" + node.home);
    command.add("name=" + node.name);
    command.add("cluster=" + clusterName);
    command.add("transport=" + transportPorts.get(index));
    if (transportPorts.size() > 1) {
      command.add("seeds=" + seeds);
      command.add("managers=" + managers);
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(node.home.resolve("node.log").toFile()));
    node.process = builder.start();
    node.http = null;
  }

  /** The class path of a node's JVM and the plugin classes it loads. */
  private record NodeLaunch(String classPath, String plugins) {
  }

  /** The node module's classes, the class path its build wrote, and its plugins' jars and classes if any. */
  private static NodeLaunch nodeLaunch(Distribution distribution) throws IOException {
    String resourcePath = distribution.folder + "node.classpath";
    URL resource = TestCluster.class.getResource(resourcePath);
    if (resource == null) {
      throw new IllegalStateException("the " + distribution.module
          + " module is not on the test class path; build with: mvn -B verify -pl opensearch -am");
    }
    String location;
    String text;
    try (var in = resource.openStream()) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (resource.getProtocol().equals("jar")) {
      String spec = resource.getPath(); // file:/.../x.jar!/dev/...
      location = Path.of(URI.create(spec.substring(0, spec.indexOf("!/")))).toString();
    } else {
      String url = resource.toString(); // file:/.../classes/dev/...
      location = Path.of(URI.create(url.substring(0, url.length() - resourcePath.length() + 1))).toString();
    }
    String classPath = location + java.io.File.pathSeparator + text;
    Properties properties = new Properties();
    URL extra = TestCluster.class.getResource(distribution.folder + "node.properties");
    if (extra != null) {
      try (var in = extra.openStream()) {
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
      String pluginJars = properties.getProperty("plugin.classpath", "");
      if (!pluginJars.isBlank()) {
        classPath = classPath + java.io.File.pathSeparator + pluginJars; // "folder/*": every jar, expanded by java
      }
    }
    return new NodeLaunch(classPath, properties.getProperty("plugins", ""));
  }

  private void awaitReady(Node node) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Path ready = node.home.resolve("ready.properties");
    while (!Files.exists(ready)) {
      if (!node.process.isAlive()) {
        throw new IOException(node.name + " ended before it was ready; see " + node.home.resolve("node.log"));
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(node.name + " not ready after " + START_TIMEOUT + "; see " + node.home.resolve("node.log"));
      }
      Thread.sleep(100);
    }
    Properties properties = new Properties();
    try (var in = Files.newInputStream(ready)) {
      properties.load(in);
    }
    node.http = "http://" + properties.getProperty("http");
  }

  /** Waits until the cluster reports {@code status} (or better) with {@code nodeCount} nodes. */
  void awaitHealth(String status, int nodeCount) throws IOException, InterruptedException {
    String url = anyRunning().http + "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + nodeCount
        + "&wait_for_no_initializing_shards=true&timeout=120s";
    HttpResponse<String> response = HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(150)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"timed_out\":true")) {
      throw new IOException("cluster did not reach " + status + " with " + nodeCount + " nodes: " + response.body());
    }
  }

  private Node anyRunning() {
    return nodes.stream().filter(n -> n.running() && n.http != null).findFirst()
        .orElseThrow(() -> new IllegalStateException("no node is running"));
  }

  /** The HTTP addresses of the running nodes, comma-separated, as {@code --opensearch} takes them. */
  String urls() {
    return nodes.stream().filter(n -> n.running() && n.http != null).map(n -> n.http)
        .collect(Collectors.joining(","));
  }

  /** The HTTP addresses of every node, running or not (a client configured before a node stopped). */
  String allUrls() {
    return nodes.stream().filter(n -> n.http != null).map(n -> n.http).collect(Collectors.joining(","));
  }

  int size() {
    return nodes.size();
  }

  /** Stops node {@code index} cleanly and waits for its process to end. */
  void stop(int index) throws IOException, InterruptedException {
    Node node = nodes.get(index);
    if (!node.running()) {
      return;
    }
    try (OutputStream in = node.process.getOutputStream()) {
      in.write("stop\n".getBytes(StandardCharsets.UTF_8));
    } catch (IOException alreadyGone) {
      // the process ended on its own
    }
    if (!node.process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      node.process.destroyForcibly().waitFor();
    }
  }

  /** Kills node {@code index} at once, as a crash or a lost machine would. */
  void kill(int index) throws InterruptedException {
    Node node = nodes.get(index);
    if (node.running()) {
      node.process.destroyForcibly().waitFor();
    }
  }

  /** Starts node {@code index} again on its data and waits until every node is back. */
  void restart(int index) throws IOException, InterruptedException {
    Node node = nodes.get(index);
    if (node.running()) {
      return;
    }
    launch(node, index);
    awaitReady(node);
    awaitHealth("green", nodes.size());
  }

  /** The node's log, for a failure message. */
  String log(int index) throws IOException {
    Path log = nodes.get(index).home.resolve("node.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws InterruptedException {
    for (int i = 0; i < nodes.size(); i++) {
      try {
        stop(i);
      } catch (IOException e) {
        kill(i);
      }
    }
  }

  Path base() {
    return base;
  }
}
