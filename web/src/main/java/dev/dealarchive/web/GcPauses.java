package dev.dealarchive.web;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The garbage collector's pauses while it is open, as the JVM reports each collection: how many, how long in all and
 * the longest. A pause stops every request in flight, so with 20 clients a 20 ms pause puts 20 requests in the
 * latency's tail at once; {@code web-bench} reports them beside the percentiles. The cycles ZGC and Shenandoah run
 * beside the requests are not counted (their pauses are); G1's remark and clean-up pauses are.
 */
final class GcPauses implements AutoCloseable {
  /** What was seen: pauses, their sum and the longest, in milliseconds. */
  record Seen(long pauses, long totalMillis, long longestMillis) {}

  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onNotification;
  private long pauses;
  private long totalMillis;
  private long longestMillis;

  private GcPauses() {}

  /** Starts counting the pauses of every collector the JVM can report on. */
  static GcPauses watch() {
    GcPauses watching = new GcPauses();
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (collector instanceof NotificationEmitter emitter && isPausing(collector.getName())) {
        emitter.addNotificationListener(watching.listener, null, null);
        watching.emitters.add(emitter);
      }
    }
    return watching;
  }

  /**
   * Collectors whose reports are pauses ("G1 Young Generation", "G1 Concurrent GC" for remark and clean-up, "ZGC
   * Minor Pauses"), not concurrent cycles ("ZGC Minor Cycles", "Shenandoah Cycles").
   */
  private static boolean isPausing(String collectorName) {
    return !collectorName.contains("Cycles");
  }

  private void onNotification(Notification notification, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
    long millis = info.getGcInfo().getDuration();
    synchronized (this) {
      pauses++;
      totalMillis += millis;
      longestMillis = Math.max(longestMillis, millis);
    }
  }

  /** The pauses seen so far. */
  synchronized Seen seen() {
    return new Seen(pauses, totalMillis, longestMillis);
  }

  @Override
  public void close() {
    for (NotificationEmitter emitter : emitters) {
      try {
        emitter.removeNotificationListener(listener);
      } catch (ListenerNotFoundException alreadyGone) {
        // Nothing to remove: the listener is not called any more either way.
      }
    }
  }
}
