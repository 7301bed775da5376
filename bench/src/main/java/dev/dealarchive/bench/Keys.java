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
  static final String VECTORS_ARTICLES = "vectors.articles";
  static final String VECTORS_PASSAGES = "vectors.passages";
  static final String VECTORS_PASSAGES_PER_ARTICLE = "vectors.passages_per_article";
  static final String VECTORS_PASSAGES_PER_S = "vectors.passages_per_s";
  static final String VECTORS_CPU_MS_PER_PASSAGE = "vectors.cpu_ms_per_passage";
  static final String VECTORS_PASSAGES_PER_S_FROM_CPU = "vectors.passages_per_s_from_cpu";
  static final String VECTORS_BUILD_KEYWORD_S = "vectors.build_keyword_only_s";
  static final String VECTORS_BUILD_S = "vectors.build_with_vectors_s";
  static final String VECTORS_EMBEDDING_S = "vectors.embedding_s";
  static final String VECTORS_FULL_CORPUS_MIN = "vectors.full_corpus_embedding_min_from_cpu";
  static final String VECTORS_INDEX_KEYWORD_MB = "vectors.index_keyword_only_mb";
  static final String VECTORS_INDEX_MB = "vectors.index_with_vectors_mb";
  static final String VECTORS_MODEL_LOAD_MS = "vectors.model_load_ms";
  static final String VECTORS_FIRST_QUERY_MS = "vectors.first_query_ms";
  static final String VECTORS_QUERY_P50 = "vectors.query_embedding_p50_ms";
  static final String VECTORS_QUERY_P99 = "vectors.query_embedding_p99_ms";
  static final String VECTORS_ASK_KEYWORD_P50 = "vectors.ask_keyword_p50_ms";
  static final String VECTORS_ASK_KEYWORD_P99 = "vectors.ask_keyword_p99_ms";
  static final String VECTORS_ASK_HYBRID_P50 = "vectors.ask_hybrid_p50_ms";
  static final String VECTORS_ASK_HYBRID_P99 = "vectors.ask_hybrid_p99_ms";
  static final String VECTORS_COLD_ASK = "vectors.cold_ask_ms";
  static final String VECTORS_SERVE_RSS_PEAK = "vectors.serve_rss_peak_mb";
  static final String VECTORS_SERVE_RSS = "vectors.serve_rss_mb";
  static final String VECTORS_SERVE_HEAP_LIVE = "vectors.serve_heap_after_gc_mb";
  static final String VECTORS_SERVE_OPS = "vectors.serve_ops_per_s";

  /** Queries per second with {@code clients} client threads. */
  static String searchQps(int clients) {
    return "search.qps_clients_" + clients;
  }
}
