package dev.dealarchive.web;

import dev.dealarchive.cli.ExitCodes;
import dev.dealarchive.cli.IndexLocation;
import dev.dealarchive.engine.ArchiveEngine;
import dev.dealarchive.cli.JsonViews;
import dev.dealarchive.search.SearchHit;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archive web-bench}: serves the archive on a loopback port and times pages and API calls from concurrent
 * clients, warm (after a warm-up and once the JIT compiler is quiet). The request log is made from the archive's own
 * titles (words that occur, so most searches match), mixed as people use the page: mostly search pages (some typed as
 * questions, some paging or sorting the search just made, some the back button after an article), then API searches,
 * questions and article pages. One request per log entry, so only the repeats a real log has can be reused.
 */
@Command(
    name = "web-bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time `archive serve`: p50/p95/p99 of pages and API calls from concurrent clients, after a warm-up.",
      "Serves the index on a loopback port of its own; the clients run in the same process."
    })
public final class WebBenchCommand implements Callable<Integer> {
  private static final Set<String> COMMON =
      Set.of("the", "and", "for", "with", "from", "that", "this", "said", "says", "will", "have", "into", "over", "after",
          "year", "unit", "sets", "corp", "inc", "ltd", "company", "reuter");

  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients (default: 20).")
  int clients = 20;

  @Option(names = "--requests", paramLabel = "N", description = "Timed requests in all (default: 6000).")
  int requests = 6_000;

  @Option(names = "--warmup", paramLabel = "N",
      description = "Untimed requests first, from one client so the JIT compiler keeps up (default: 3000).")
  int warmup = 3_000;

  @Option(names = "--warmup-together", paramLabel = "N",
      description = "Of the warm-up requests, the last N come from all clients at once, so what only concurrent "
          + "requests run is compiled before timing too (default: 0).")
  int warmupTogether = 0;

  @Option(names = "--think-ms", paramLabel = "MS",
      description = "Pause of each client between its requests, as a person reading (default: 0, back to back).")
  int thinkMillis = 0;

  @Option(names = "--cache-entries", paramLabel = "N",
      description = "Results the server keeps for reuse until the index changes, as `archive serve` (default: "
          + WebSettings.CACHE_ENTRIES + "; 0 measures without reuse).")
  int cacheEntries = WebSettings.CACHE_ENTRIES;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  /** One kind of request in the mix. */
  enum Kind {
    PAGE("search page /?q="),
    API_SEARCH("GET /api/search"),
    API_ASK("GET /api/ask"),
    ARTICLE("article page");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  record Request(Kind kind, String path) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (clients < 1 || requests < clients || warmup < 0 || thinkMillis < 0 || cacheEntries < 0
        || warmupTogether < 0 || warmupTogether > warmup) {
      err.println("archive web-bench: --clients must be at least 1, --requests at least --clients, --warmup, "
          + "--think-ms and --cache-entries not negative, --warmup-together between 0 and --warmup");
      return ExitCodes.USAGE;
    }
    WebSettings settings = WebSettings.loopback(0).withCacheEntries(cacheEntries);
    try (ArchiveEngine archive = location.engine(err);
        WebServer server = WebServer.start(WebArchive.of(archive, location.path()), settings)) {
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", server.port());
      // One request per entry, never cycled: the timed requests are new to the server but for the repeats a real
      // log has (a word searched again, paging and sorting a search just made).
      List<Request> log = requestLog(archive, 2_000, warmup + requests);
      List<Request> timed = log.subList(warmup, log.size());
      double repeated = repeatedShare(log, warmup);
      String vectors = archive.vectorStats().state().enabled() ? "with vectors" : "keyword only";
      err.printf("web-bench: %,d articles (%s), %,d warm-up and %,d timed requests from %d clients%n",
          archive.articleCount(), vectors, warmup, requests, clients);
      err.flush();
      String loadBefore = loadAverage();
      // Warm means compiled. The warm-up runs one client, so the JIT compiler has a core to keep up with: with every
      // core busy serving, it falls behind and leaves quick first-tier code that is compiled again while timing.
      run(address, log.subList(0, warmup - warmupTogether), 1, 0, null);
      if (warmupTogether > 0) {
        // Then every client at once: twenty requests in flight take paths one never does (contended locks, the
        // scheduler handing requests between carrier threads), which are otherwise compiled while timing.
        awaitCompilerQuiet(60);
        run(address, log.subList(warmup - warmupTogether, warmup), clients, thinkMillis, null);
      }
      // Then let it finish what the warm-up queued.
      double settleSeconds = awaitCompilerQuiet(60);
      long compileBefore = compileMillis();
      CachedReads.Stats cacheBefore = server.cacheStats();
      long[][] nanos = new long[Kind.values().length][];
      List<List<Long>> byKind = new ArrayList<>();
      for (int i = 0; i < Kind.values().length; i++) {
        byKind.add(new ArrayList<>());
      }
      long cpuBefore = processCpuNanos();
      long javaCpuBefore = javaThreadsCpuNanos();
      long started = System.nanoTime();
      long clientCpu;
      GcPauses.Seen gc;
      try (GcPauses pauses = GcPauses.watch()) {
        clientCpu = run(address, timed, clients, thinkMillis, byKind);
        gc = pauses.seen();
      }
      long compiledDuring = compileMillis() - compileBefore;
      CachedReads.Stats cacheAfter = server.cacheStats();
      long reused = cacheAfter.hits() - cacheBefore.hits();
      long read = cacheAfter.misses() - cacheBefore.misses();
      double seconds = (System.nanoTime() - started) / 1e9;
      // CPU time of the whole process (server and clients) per request: unlike latency, it hardly depends on what
      // else the machine runs, so it tells what the server costs when the figures above are inflated by waiting.
      double cpuMsPerRequest = (processCpuNanos() - cpuBefore) / 1e6 / requests;
      // The same without the JIT compiler and garbage collector threads, which are not Java threads: on a loaded
      // machine the compiler is still busy long after the warm-up, and this is what serving itself costs.
      double javaCpuMsPerRequest = (javaThreadsCpuNanos() - javaCpuBefore + clientCpu) / 1e6 / requests;
      String loadAfter = loadAverage();
      List<Long> all = new ArrayList<>();
      for (int i = 0; i < nanos.length; i++) {
        nanos[i] = byKind.get(i).stream().mapToLong(Long::longValue).sorted().toArray();
        all.addAll(byKind.get(i));
      }
      long[] every = all.stream().mapToLong(Long::longValue).sorted().toArray();
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("articles", archive.articleCount());
      report.put("index", location.path().toString());
      report.put("vectors", archive.vectorStats().state().enabled());
      report.put("clients", clients);
      report.put("requests", requests);
      report.put("warmup", warmup);
      report.put("warmup_together", warmupTogether);
      report.put("think_ms", thinkMillis);
      report.put("repeated_share", round(repeated));
      report.put("cache_entries", cacheEntries);
      report.put("cache_reused", reused);
      report.put("cache_read", read);
      report.put("jit_settle_s", round(settleSeconds));
      report.put("jit_ms_during", compiledDuring);
      report.put("gc_pauses_during", gc.pauses());
      report.put("gc_pause_ms_during", gc.totalMillis());
      report.put("gc_longest_pause_ms", gc.longestMillis());
      report.put("machine", machine());
      report.put("jvm", jvm());
      report.put("cores", Runtime.getRuntime().availableProcessors());
      report.put("load_before", loadBefore);
      report.put("load_after", loadAfter);
      report.put("requests_per_second", Math.round(requests / seconds));
      report.put("cpu_ms_per_request", round(cpuMsPerRequest));
      report.put("java_threads_cpu_ms_per_request", round(javaCpuMsPerRequest));
      // The clients' own share (writing requests, reading replies over loopback): part of the process figures above.
      double clientCpuMsPerRequest = clientCpu / 1e6 / requests;
      report.put("client_cpu_ms_per_request", round(clientCpuMsPerRequest));
      report.put("all", summary(every));
      for (Kind kind : Kind.values()) {
        report.put(kind.name().toLowerCase(Locale.ROOT), summary(nanos[kind.ordinal()]));
      }
      if (json) {
        out.println(JsonViews.write(report));
        return ExitCodes.OK;
      }
      out.printf("archive web-bench: %,d articles in %s (%s); %d clients, %s; %,d timed requests after %,d warm-up%s%n",
          archive.articleCount(), location.path(), vectors, clients,
          thinkMillis == 0 ? "back to back" : thinkMillis + " ms between requests", requests, warmup,
          warmupTogether == 0 ? "" : String.format(Locale.ROOT, " (the last %,d from all clients)", warmupTogether));
      out.printf("machine: %s, %d cores; %s; load average (1, 5, 15 min) before %s, after %s%n",
          machine(), Runtime.getRuntime().availableProcessors(), jvm(), loadBefore, loadAfter);
      out.printf(Locale.ROOT, "warm-up: JIT compiler quiet %.1f s after it; %,d ms of compiling during the timed "
          + "requests%n", settleSeconds, compiledDuring);
      out.printf(Locale.ROOT, "garbage collector during the timed requests: %,d pauses, %,d ms in all, the longest %,d ms%n",
          gc.pauses(), gc.totalMillis(), gc.longestMillis());
      out.printf(Locale.ROOT, "requests seen before in the log: %.0f%%; reused results (searches, facets, answers): "
          + "%,d of %,d%s%n", repeated * 100, reused, reused + read, cacheEntries == 0 ? " (reuse off)" : "");
      out.printf("%-22s %8s %8s %8s %8s %8s%n", "request", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
      for (Kind kind : Kind.values()) {
        line(out, kind.label, nanos[kind.ordinal()]);
      }
      line(out, "all", every);
      out.printf(Locale.ROOT, "throughput: %,d requests/s; CPU per request: %.2f ms for the process (server and clients), "
          + "%.2f ms of it in Java threads (without JIT compiler and GC), of which %.2f ms in the clients%n",
          Math.round(requests / seconds), cpuMsPerRequest, javaCpuMsPerRequest, clientCpuMsPerRequest);
      return ExitCodes.OK;
    }
  }

  private static void line(PrintWriter out, String label, long[] sorted) {
    out.printf(Locale.ROOT, "%-22s %8d %8.2f %8.2f %8.2f %8.2f%n", label, sorted.length, ms(sorted, 0.50),
        ms(sorted, 0.95), ms(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
  }

  private static Map<String, Object> summary(long[] sorted) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("count", sorted.length);
    json.put("p50_ms", round(ms(sorted, 0.50)));
    json.put("p95_ms", round(ms(sorted, 0.95)));
    json.put("p99_ms", round(ms(sorted, 0.99)));
    json.put("max_ms", round(sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6));
    return json;
  }

  private static double round(double ms) {
    return Math.round(ms * 100) / 100.0;
  }

  /** The nearest-rank percentile, in milliseconds. */
  static double ms(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  /**
   * Runs {@code total} requests, cycling through the log, from {@code clients} threads with a kept-alive connection
   * each; records times by kind when asked. Returns the CPU time the client threads used.
   */
  private static long run(
      InetSocketAddress address, List<Request> log, int clients, int thinkMillis, List<List<Long>> times)
      throws Exception {
    int total = log.size();
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicLong clientCpu = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      List<long[]> mine = new ArrayList<>();
      Thread thread = new Thread(() -> {
        try (LoopbackClient client = new LoopbackClient(address)) {
          for (int i = next.getAndIncrement(); i < total && failure.get() == null; i = next.getAndIncrement()) {
            if (thinkMillis > 0) {
              Thread.sleep(thinkMillis);
            }
            Request request = log.get(i);
            long start = System.nanoTime();
            LoopbackClient.Reply reply = client.get(request.path());
            long took = System.nanoTime() - start;
            if (reply.status() != 200) {
              throw new IllegalStateException(request.path() + " answered " + reply.status() + ": "
                  + new String(reply.body(), StandardCharsets.UTF_8));
            }
            mine.add(new long[] {request.kind().ordinal(), took});
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
        clientCpu.addAndGet(Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
        if (times != null) {
          synchronized (times) {
            mine.forEach(t -> times.get((int) t[0]).add(t[1]));
          }
        }
      }, "web-bench-client-" + (c + 1));
      threads.add(thread);
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a web-bench client failed: " + failure.get().getMessage(), failure.get());
    }
    return clientCpu.get();
  }

  /**
   * {@code count} requests made from the titles of the archive's {@code newest} newest articles, as people use the
   * page: one- and two-word searches, some typed as questions (the page then shows the answer card first); some are
   * the previous search on page 2 or sorted newest; API searches and questions; the articles' own pages, opened from
   * the search just made and followed by the back button to it. Fixed seed, so runs are comparable.
   */
  static List<Request> requestLog(ArchiveEngine archive, int newest, int count) throws IOException {
    List<SearchHit> articles = archive.latest(newest);
    List<String> words = new ArrayList<>(new LinkedHashSet<>(articles.stream()
        .flatMap(hit -> Arrays.stream(hit.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
        .filter(word -> word.length() >= 4 && !COMMON.contains(word))
        .toList()));
    if (words.isEmpty() || articles.isEmpty()) {
      throw new IOException("the archive has no titled articles to make requests from");
    }
    Random random = new Random(20_260_428L);
    List<Request> log = new ArrayList<>(count);
    String previous = null;
    String previousText = null;
    while (log.size() < count) {
      String a = words.get(random.nextInt(words.size()));
      String b = words.get(random.nextInt(words.size()));
      String question = "what did " + a + " agree about " + b + "?";
      int roll = random.nextInt(100);
      if (roll < 55) {
        int pick = random.nextInt(12);
        if (previous != null && pick < 4) { // the search just made, on page 2 or sorted newest
          log.add(new Request(Kind.PAGE, previous + (pick < 2 ? "&page=2" : "&sort=newest")));
          previous = null;
        } else {
          previousText = pick < 6 ? question : random.nextBoolean() ? a : a + " " + b;
          previous = "/?q=" + SearchState.encode(previousText);
          log.add(new Request(Kind.PAGE, previous));
        }
      } else if (roll < 75) {
        log.add(new Request(Kind.API_SEARCH, "/api/search?q=" + SearchState.encode(a + " " + b)));
      } else if (roll < 90) {
        log.add(new Request(Kind.API_ASK, "/api/ask?q=" + SearchState.encode(question)));
      } else if (previous == null) {
        SearchHit article = articles.get(random.nextInt(articles.size()));
        log.add(new Request(Kind.ARTICLE, Pages.articleUrl(article.id(), a)));
      } else { // an article opened from the search just made, then the back button (pages are not stored by browsers)
        SearchHit article = articles.get(random.nextInt(articles.size()));
        log.add(new Request(Kind.ARTICLE, Pages.articleUrl(article.id(), previousText)));
        if (log.size() < count) {
          log.add(new Request(Kind.PAGE, previous));
        }
        previous = null;
      }
    }
    return log;
  }

  /** The share of the requests from {@code from} on that were made before in the log (the same path and query). */
  static double repeatedShare(List<Request> log, int from) {
    Set<String> seen = new HashSet<>();
    int repeated = 0;
    for (int i = 0; i < log.size(); i++) {
      boolean known = !seen.add(log.get(i).path());
      if (i >= from && known) {
        repeated++;
      }
    }
    return log.size() == from ? 0 : (double) repeated / (log.size() - from);
  }

  /** The processor's model name, or the architecture when the system does not say. */
  static String machine() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8)) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: fall through
    }
    return System.getProperty("os.arch");
  }

  /** The Java runtime and its largest heap. */
  static String jvm() {
    return "Java " + Runtime.version().feature() + " (" + System.getProperty("java.vm.name") + "), heap up to "
        + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB";
  }

  /**
   * Waits until the JIT compiler has compiled nothing for a second, at most {@code maxSeconds}; returns the seconds
   * waited.
   */
  private static double awaitCompilerQuiet(int maxSeconds) throws InterruptedException {
    long start = System.nanoTime();
    long last = compileMillis();
    long quietSince = start;
    while (System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
      Thread.sleep(200);
      long now = compileMillis();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= 1_000_000_000L) {
        break;
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** Time the JIT compiler has spent so far, or 0 when the JVM cannot tell. */
  private static long compileMillis() {
    CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
  }

  /** CPU time used by this process so far, or 0 when the JVM cannot tell. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * CPU time used so far by the live Java threads (the request handlers' carrier threads, the server's dispatcher);
   * threads that ended are not counted, so the clients, which end with their phase, report their own.
   */
  private static long javaThreadsCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return 0;
    }
    long total = 0;
    for (long id : threads.getAllThreadIds()) {
      total += Math.max(0, threads.getThreadCpuTime(id));
    }
    return total;
  }

  /** The system's load averages as {@code uptime} prints them, or "unknown". */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).split("\\s+");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }
  }
}
