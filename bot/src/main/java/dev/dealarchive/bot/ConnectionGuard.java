package dev.dealarchive.bot;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps idle and slow connections from starving the HTTP bot.
 *
 * <p>A connection must deliver a whole request (header and body) within the request time, counted from when it opened
 * or from its last response; otherwise it is closed, however many bytes it trickles. When more connections are open
 * than the cap, the one that has waited longest for its request is closed, so a new connection (Slack's, which sends
 * its request at once) always gets in and is acknowledged within Slack's three seconds. Connections whose request is
 * being answered are never closed by the guard.
 */
final class ConnectionGuard implements Connection.Listener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
  /** Marks a connection whose request is being answered. */
  private static final long BUSY = Long.MAX_VALUE;

  private final int maxConnections;
  private final long requestNanos;
  /** Per open connection: since when it waits for a complete request, or {@link #BUSY}. */
  private final Map<Connection, Long> waitingSince = new ConcurrentHashMap<>();
  private final ScheduledExecutorService reaper;

  ConnectionGuard(int maxConnections, Duration requestTime) {
    this.maxConnections = maxConnections;
    this.requestNanos = requestTime.toNanos();
    this.reaper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("slack-http-guard")
        .factory());
    long period = Math.max(50, Math.min(500, requestTime.toMillis() / 4));
    reaper.scheduleWithFixedDelay(this::closeOverdue, period, period, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpened(Connection connection) {
    waitingSince.put(connection, System.nanoTime());
    if (waitingSince.size() > maxConnections) {
      closeLongestWaiting();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    waitingSince.remove(connection);
  }

  /** The request on {@code connection} has arrived in full and is being answered. */
  void answering(Connection connection) {
    waitingSince.replace(connection, BUSY);
  }

  /** The response on {@code connection} is sent; the next request's time starts now. */
  void answered(Connection connection) {
    waitingSince.replace(connection, System.nanoTime());
  }

  /** The number of open connections. */
  int openConnections() {
    return waitingSince.size();
  }

  private void closeLongestWaiting() {
    Connection oldest = null;
    long oldestSince = BUSY;
    for (Map.Entry<Connection, Long> entry : waitingSince.entrySet()) {
      if (entry.getValue() < oldestSince) {
        oldest = entry.getKey();
        oldestSince = entry.getValue();
      }
    }
    if (oldest != null) {
      LOG.debug("over {} connections: closing the one waiting longest for its request", maxConnections);
      close(oldest, oldestSince);
    }
  }

  private void closeOverdue() {
    long now = System.nanoTime();
    int closed = 0;
    for (Map.Entry<Connection, Long> entry : waitingSince.entrySet()) {
      long since = entry.getValue();
      if (since != BUSY && now - since > requestNanos && close(entry.getKey(), since)) {
        closed++;
      }
    }
    if (closed > 0) {
      LOG.debug("closed {} connections that sent no complete request in time", closed);
    }
  }

  /** Closes {@code connection} unless it started answering a request since {@code since} was read. */
  private boolean close(Connection connection, long since) {
    if (!waitingSince.remove(connection, since)) {
      return false;
    }
    connection.getEndPoint().close();
    return true;
  }

  @Override
  public void close() {
    reaper.shutdownNow();
  }
}
