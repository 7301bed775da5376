package dev.dealarchive.bench;

/** The stable names of the figures in the JSON output; two runs compare key by key. */
final class Keys {
  private Keys() {}

  static final String BUILD_SECONDS = "build.wall_s";
  static final String BUILD_RATE = "build.articles_per_s";
  static final String BUILD_MB_PER_S = "build.mb_per_s";
  static final String INDEX_MB = "build.index_mb";
  static final String BUILD_1_SECONDS = "build.threads_1.wall_s";
  static final String BUILD_1_RATE = "build.threads_1.articles_per_s";
  static final String RESYNC_MS = "resync.ms";
  static final String SEARCH_P50 = "search.p50_ms";
  static final String SEARCH_P99 = "search.p99_ms";
  static final String SEARCH_P999 = "search.p999_ms";
  static final String SEARCH_QPS_1 = "search.qps_clients_1";
  static final String ASK_P50 = "ask.p50_ms";
  static final String ASK_P99 = "ask.p99_ms";
  static final String COLD_VERSION = "cold.version_ms";
  static final String COLD_SEARCH = "cold.search_ms";
  static final String COLD_ASK = "cold.ask_ms";
  static final String COLD_INDEX = "cold.index_resync_ms";
  static final String MEMORY_RSS_PEAK = "memory.rss_peak_mb";
  static final String MEMORY_HEAP_PEAK = "memory.heap_peak_mb";
  static final String MEMORY_HEAP_LIVE = "memory.heap_after_gc_mb";
  static final String MEMORY_HEAP_MAX = "memory.heap_max_mb";
  static final String MEMORY_OPS = "memory.ops_per_s";

  /** Queries per second with {@code clients} client threads. */
  static String searchQps(int clients) {
    return "search.qps_clients_" + clients;
  }
}
