package dev.dealarchive.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The archive's state kept in the cluster, where every replica and writer sees it: the files a writer keeps beside
 * its index (the manifest of indexed files and inputs, feed state, synonyms, queued adds) and the time of the last
 * write. Held in the index {@code <index>-state}, one document per file.
 */
final class ClusterState {
  /** Files larger than this stay local (a manifest of a few million files); said in a warning. */
  static final long MAX_FILE_BYTES = 50L * 1024 * 1024;
  private static final String META_ID = "meta";

  private final ClusterClient client;

  ClusterState(ClusterClient client) {
    this.client = client;
  }

  private String index() {
    return client.config().stateIndex();
  }

  /** Creates the state index when missing. */
  void ensure() throws IOException {
    ClusterClient.Reply exists = client.send("HEAD", "/" + index(), Map.of(), null);
    if (exists.status() != 404) {
      return;
    }
    ObjectNode body = client.object();
    body.putObject("settings").putObject("index").put("number_of_shards", 1).put("auto_expand_replicas", "0-2");
    ObjectNode properties = body.putObject("mappings").put("dynamic", "strict").putObject("properties");
    properties.putObject("name").put("type", "keyword");
    properties.putObject("content").put("type", "binary");
    properties.putObject("updated").put("type", "date").put("format", "epoch_millis");
    ClusterClient.Reply created = client.send("PUT", "/" + index(), Map.of(), body);
    if (!created.ok() && !created.body().path("error").path("type").asText().equals("resource_already_exists_exception")) {
      throw client.failure("PUT", "/" + index(), created);
    }
  }

  /** Whether a file name in a working copy is state to share (not one of Lucene's files, not local bookkeeping). */
  static boolean isStateFile(Path file) {
    String name = file.getFileName().toString();
    return !name.startsWith("_") && !name.startsWith("segments") && !name.startsWith("pending_segments")
        && !name.equals("write.lock") && !name.endsWith(".tmp") && !name.equals(WorkingCopy.MARKER)
        && !name.equals(WorkingCopy.PENDING) && !name.startsWith(".");
  }

  /** Uploads the state files of {@code folder} and the time of this write. */
  void upload(Path folder) throws IOException {
    ensure();
    long now = System.currentTimeMillis();
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(Files::isRegularFile).filter(ClusterState::isStateFile).sorted().toList();
    }
    for (Path file : files) {
      if (Files.size(file) > MAX_FILE_BYTES) {
        org.slf4j.LoggerFactory.getLogger(ClusterState.class)
            .warn("{} is larger than {} bytes and stays on this machine only", file, MAX_FILE_BYTES);
        continue;
      }
      ObjectNode doc = client.object();
      doc.put("name", file.getFileName().toString());
      doc.put("content", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
      doc.put("updated", now);
      client.call("PUT", "/" + index() + "/_doc/" + fileId(file.getFileName().toString()), doc);
    }
    ObjectNode meta = client.object();
    meta.put("name", META_ID);
    meta.put("updated", now);
    client.call("PUT", "/" + index() + "/_doc/" + META_ID, Map.of("refresh", "true"), meta);
  }

  /** Writes the shared state files into {@code folder}, leaving files it already has alone. */
  int download(Path folder) throws IOException {
    ClusterClient.Reply exists = client.send("HEAD", "/" + index(), Map.of(), null);
    if (exists.status() == 404) {
      return 0;
    }
    int written = 0;
    for (JsonNode hit : files(false)) {
      String name = hit.path("_source").path("name").asText();
      Path target = folder.resolve(name).normalize();
      if (!target.getParent().equals(folder.normalize()) || !isStateFile(target) || Files.exists(target)) {
        continue;
      }
      Path partial = folder.resolve(name + ".tmp");
      Files.write(partial, Base64.getDecoder().decode(hit.path("_source").path("content").asText()));
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      written++;
    }
    return written;
  }

  /** The time of the last write through the archive, or {@code null}. */
  Instant lastUpdate() throws IOException {
    ClusterClient.Reply reply = client.send("GET", "/" + index() + "/_doc/" + META_ID, Map.of(), null);
    if (!reply.ok()) {
      return null;
    }
    JsonNode updated = reply.body().path("_source").path("updated");
    return updated.isNumber() ? Instant.ofEpochMilli(updated.asLong()) : null;
  }

  /** Names of the state files the cluster holds. */
  List<String> fileNames() throws IOException {
    List<String> names = new ArrayList<>();
    ClusterClient.Reply exists = client.send("HEAD", "/" + index(), Map.of(), null);
    if (exists.status() == 404) {
      return names;
    }
    for (JsonNode hit : files(true)) {
      names.add(hit.path("_source").path("name").asText());
    }
    return names;
  }

  /** The file documents (every document but the meta one). */
  private List<JsonNode> files(boolean namesOnly) throws IOException {
    client.call("POST", "/" + index() + "/_refresh", null);
    ObjectNode body = client.object();
    body.put("size", 1000);
    body.putObject("query").putObject("match_all");
    if (namesOnly) {
      body.putObject("_source").putArray("includes").add("name");
    }
    List<JsonNode> files = new ArrayList<>();
    for (JsonNode hit : client.call("POST", "/" + index() + "/_search", body).path("hits").path("hits")) {
      if (hit.path("_id").asText().startsWith("file:")) {
        files.add(hit);
      }
    }
    return files;
  }

  private static String fileId(String name) {
    return "file:" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8);
  }
}
