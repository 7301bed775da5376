package dev.dealarchive.bot;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode side on a loopback port: greets each connection with {@code hello}, sends envelopes, records
 * the acks, and can ask for a reconnect ({@code disconnect}) or drop the connection outright.
 */
final class FakeSocketMode extends WebSocketServer {
  private final CountDownLatch started = new CountDownLatch(1);
  private final List<WebSocket> open = new CopyOnWriteArrayList<>();
  private final List<String> acks = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();

  FakeSocketMode() {
    super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    setReuseAddr(true);
  }

  String url() {
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=fake";
  }

  void awaitStarted() throws InterruptedException {
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("fake Socket Mode server did not start");
    }
  }

  /** Connections opened so far, reconnections included. */
  int connections() {
    return connections.get();
  }

  /** Envelope ids acknowledged so far, in order. */
  List<String> acks() {
    return List.copyOf(acks);
  }

  /** Waits until a connection is open and returns the number opened so far. */
  int awaitConnections(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connections.get() < count || open.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " connections, got " + connections.get());
      }
      Thread.sleep(10);
    }
    return connections.get();
  }

  /** Waits until {@code envelopeId} was acknowledged. */
  void awaitAck(String envelopeId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!acks.contains(envelopeId)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no ack for " + envelopeId + "; acks: " + acks);
      }
      Thread.sleep(5);
    }
  }

  /** Sends an envelope on the newest connection. */
  void sendEnvelope(String type, String envelopeId, JsonObject payload, int retryAttempt) {
    JsonObject envelope = new JsonObject();
    envelope.addProperty("type", type);
    envelope.addProperty("envelope_id", envelopeId);
    envelope.add("payload", payload);
    envelope.addProperty("accepts_response_payload", !"events_api".equals(type));
    if ("events_api".equals(type)) {
      envelope.addProperty("retry_attempt", retryAttempt);
      envelope.addProperty("retry_reason", retryAttempt == 0 ? "" : "timeout");
    }
    newest().send(envelope.toString());
  }

  /** Asks the client to reconnect, as Slack does before it refreshes a connection. */
  void sendDisconnect() {
    newest().send("{\"type\":\"disconnect\",\"reason\":\"refresh_requested\",\"debug_info\":{\"host\":\"fake\"}}");
  }

  /** Drops every connection without a goodbye. */
  void dropConnections() {
    for (WebSocket socket : open) {
      socket.closeConnection(1006, "dropped by test");
    }
  }

  private WebSocket newest() {
    if (open.isEmpty()) {
      throw new AssertionError("no open Socket Mode connection");
    }
    return open.get(open.size() - 1);
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    open.add(conn);
    connections.incrementAndGet();
    conn.send("{\"type\":\"hello\",\"num_connections\":1,\"debug_info\":{\"host\":\"fake\"},"
        + "\"connection_info\":{\"app_id\":\"A0001\"}}");
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {
    open.remove(conn);
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    JsonObject json = JsonParser.parseString(message).getAsJsonObject();
    if (json.has("envelope_id")) {
      acks.add(json.get("envelope_id").getAsString());
    }
  }

  @Override
  public void onError(WebSocket conn, Exception ex) {
    // Connection errors are expected when a test drops connections.
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
