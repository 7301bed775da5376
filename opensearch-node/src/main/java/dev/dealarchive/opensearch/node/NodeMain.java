package dev.dealarchive.opensearch.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.codelibs.opensearch.runner.OpenSearchRunner;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.Node;
import org.opensearch.transport.TransportService;

/**
 * Runs one OpenSearch node on loopback until its standard input says {@code stop} or closes (the parent test JVM
 * ended), so a crashed test never leaves a node behind.
 *
 * <p>Arguments are {@code key=value} pairs: {@code home} (folder of the node's data, kept across restarts),
 * {@code cluster}, {@code name}, {@code http} and {@code transport} (ports; 0 picks a free one), {@code seeds}
 * (comma-separated transport addresses of the other nodes; none makes a single-node cluster) and {@code managers}
 * (comma-separated names of the nodes that elect the first cluster manager) and {@code plugins} (comma-separated
 * class names of plugins on the class path to load, e.g. OpenSearch's k-NN plugin for the node of module
 * {@code opensearch-knn-node}, which starts this same class on OpenSearch 2.19). When the node answers, it writes
 * {@code ready.properties} into {@code home} with the bound {@code http} and {@code transport} addresses; the file is
 * moved into place, so a reader never sees half of it.
 */
public final class NodeMain {
    private NodeMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        Path home = Path.of(require(options, "home")).toAbsolutePath();
        String name = require(options, "name");
        String seeds = options.getOrDefault("seeds", "");
        Files.createDirectories(home);
        Files.deleteIfExists(home.resolve("ready.properties"));

        OpenSearchRunner runner = new OpenSearchRunner();
        runner.setMaxHttpPort(-1); // the ports are given below; the runner must not probe its default range
        runner.onBuild((index, settings) -> {
            settings.put("node.name", name);
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", options.getOrDefault("http", "0"));
            settings.put("transport.port", options.getOrDefault("transport", "0"));
            settings.putList("node.roles", "cluster_manager", "data", "ingest");
            // A nearly full disk on a build machine must not leave replicas unassigned in tests.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            if (seeds.isBlank()) {
                settings.put("discovery.type", "single-node");
            } else {
                settings.put("discovery.type", "zen"); // else the runner makes a one-node process single-node
                settings.putList("discovery.seed_hosts", List.of(seeds.split(",")));
                settings.putList("cluster.initial_cluster_manager_nodes",
                        List.of(require(options, "managers").split(",")));
            }
        });
        OpenSearchRunner.Configs configs = OpenSearchRunner.newConfigs()
                .basePath(home.toString())
                .numOfNode(1)
                .clusterName(options.getOrDefault("cluster", "archive-test"))
                .printOnFailure();
        String plugins = options.getOrDefault("plugins", "");
        if (!plugins.isBlank()) {
            configs.pluginTypes(plugins);
        }
        runner.build(configs);

        Node node = runner.node();
        String http = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().toString();
        String transport = node.injector().getInstance(TransportService.class).boundAddress().publishAddress()
                .toString();
        Path partial = home.resolve("ready.properties.partial");
        Files.writeString(partial, "http=" + http + "\ntransport=" + transport + "\npid=" + ProcessHandle.current().pid()
                + "\n", StandardCharsets.UTF_8);
        Files.move(partial, home.resolve("ready.properties"), StandardCopyOption.ATOMIC_MOVE);
        System.out.println("node " + name + " ready: http " + http + ", transport " + transport);

        awaitStop();
        runner.close();
        System.exit(0);
    }

    /** Waits for a {@code stop} line or the end of standard input (the parent is gone). */
    private static void awaitStop() throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread watcher = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null && !line.strip().equals("stop")) {
                    // other lines are ignored
                }
            } catch (IOException e) {
                // a broken pipe means the parent is gone: stop as well
            }
            stop.countDown();
        }, "node-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        stop.await();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("expected key=value, got: " + arg);
            }
            options.put(arg.substring(0, equals), arg.substring(equals + 1));
        }
        return options;
    }

    private static String require(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }
}
