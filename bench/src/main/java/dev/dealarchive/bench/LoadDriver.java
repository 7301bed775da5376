package dev.dealarchive.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
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

  /** A settling window counts as quiet when the JIT compiled for at most this share of its wall time. */
  static final double QUIET_COMPILE_SHARE = 0.02;

  /** Shortest settling window: one pass of a short log takes a fraction of a second, too little to judge. */
  static final long SETTLE_WINDOW_NANOS = 1_000_000_000L;

  /** Settling gives up after this long (a JIT that never goes quiet); the figures are then taken anyway. */
  static final long SETTLE_LIMIT_NANOS = 30_000_000_000L;

  private long sink;

  /**
   * How settling went: untimed passes run, their wall time, the JIT's compile time in the last window and that
   * window's length; {@code quiet} is false when the time limit ended it.
   */
  record Settled(int passes, double seconds, long lastWindowCompileMillis, long lastWindowMillis, boolean quiet) {}

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

  /**
   * Runs the whole log with {@code threads} clients, untimed, window after window of at least a second, until the
   * JIT compiler is quiet: at most {@value #QUIET_COMPILE_SHARE} of a window's wall time spent compiling (at least
   * two windows; at most {@code SETTLE_LIMIT_NANOS}). A single warm-up pass leaves the C2 compiler busy for seconds
   * more, and on a 2-core machine it then takes a core from the second client: throughput figures taken that early
   * measure the warm-up, not the engine (docs/benchmarks.md, "Two clients on two cores").
   */
  Settled settle(ClientFactory factory, int threads, int logSize, String name) throws Exception {
    long start = System.nanoTime();
    int passes = 0;
    int windows = 0;
    while (true) {
      long windowStart = System.nanoTime();
      long compiledBefore = compileMillis();
      do {
        throughput(factory, threads, logSize, logSize, name + "-settle");
        passes++;
      } while (System.nanoTime() - windowStart < SETTLE_WINDOW_NANOS);
      windows++;
      long windowMillis = (System.nanoTime() - windowStart) / 1_000_000;
      long compiled = compileMillis() - compiledBefore;
      boolean quiet = compiled >= 0 && compiled <= windowMillis * QUIET_COMPILE_SHARE;
      boolean outOfTime = System.nanoTime() - start >= SETTLE_LIMIT_NANOS;
      if ((quiet && windows >= 2) || outOfTime) {
        return new Settled(passes, (System.nanoTime() - start) / 1e9, compiled, windowMillis, quiet);
      }
    }
  }

  /** The JIT's total compile time so far in milliseconds, or -1 where the JVM does not measure it. */
  static long compileMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
  }

  /** The folded results; read it so the work counts as used. */
  synchronized long sink() {
    return sink;
  }
}
