package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a log of operations against an engine: one at a time for latencies, or from several named client threads
 * for throughput. Results of operations are folded into a sink so the JIT cannot drop the work.
 */
final class LoadDriver {
  private static final AtomicInteger RUNS = new AtomicInteger();

  /** One client of an engine: runs the {@code i}-th entry of the log and returns something derived from it. */
  interface Client extends AutoCloseable {
    int run(int i) throws Exception;

    @Override
    default void close() throws Exception {}
  }

  /** Opens a client; each client thread gets its own. */
  interface ClientFactory {
    Client open() throws Exception;
  }

  private long sink;

  /** Runs entries {@code 0..count-1} once each, untimed, to warm up the JIT and the caches. */
  void warmUp(Client client, int count, int logSize) throws Exception {
    for (int i = 0; i < count; i++) {
      sink += client.run(i % logSize);
    }
  }

  /** Runs entries {@code 0..count-1} one after another and returns each one's wall time in nanoseconds. */
  long[] timeEach(Client client, int count) throws Exception {
    long[] nanos = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      sink += client.run(i);
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  /**
   * Runs {@code total} operations (cycling through a log of {@code logSize}) from {@code threads} client threads
   * that take the next entry from a shared counter, and returns operations per second of wall time.
   */
  double throughput(ClientFactory factory, int threads, int total, int logSize, String name) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Client> clients = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    int run = RUNS.incrementAndGet();
    try {
      for (int t = 0; t < threads; t++) {
        Client client = factory.open();
        clients.add(client);
        workers.add(
            new Thread(
                () -> {
                  long local = 0;
                  try {
                    for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
                      local += client.run(i % logSize);
                    }
                  } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                  }
                  synchronized (this) {
                    sink += local;
                  }
                },
                "bench-" + name + "-" + run + "-client-" + (t + 1)));
      }
      long start = System.nanoTime();
      workers.forEach(Thread::start);
      for (Thread worker : workers) {
        worker.join();
      }
      long wall = System.nanoTime() - start;
      if (failure.get() != null) {
        throw new IllegalStateException("a " + name + " client failed: " + failure.get(), failure.get());
      }
      return total / (wall / 1e9);
    } finally {
      for (Client client : clients) {
        client.close();
      }
    }
  }

  /** The folded results; read it so the work counts as used. */
  synchronized long sink() {
    return sink;
  }
}
