package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.List;

/** The targets of issues #6 and #9, checked against a run's figures. Absolute limits are for the 2-core reference machine. */
final class Targets {
  private Targets() {}

  /** Checks every target against {@code scales} (the first is the base corpus size) with {@code clients} clients. */
  static List<TargetCheck> check(List<ScaleFigures> scales, int clients, String heap) {
    List<TargetCheck> checks = new ArrayList<>();
    ScaleFigures base = scales.get(0);
    checks.add(new TargetCheck("build_vs_fts5", "Full build no slower than FTS5 (time ratio)",
        ratio(base, Keys.BUILD_SECONDS), 1.0, true, "×"));
    checks.add(new TargetCheck("build_vs_fts5_aim", "Aim: full build 2× faster than FTS5 (time ratio)",
        ratio(base, Keys.BUILD_SECONDS), 0.5, true, "×"));
    checks.add(new TargetCheck("resync", "No-change resync after start-up", ours(base, Keys.RESYNC_MS), 300, true,
        "ms"));
    checks.add(new TargetCheck("search_p50", "Search p50 with snippets", ours(base, Keys.SEARCH_P50), 1, true, "ms"));
    checks.add(new TargetCheck("search_p99", "Search p99 with snippets", ours(base, Keys.SEARCH_P99), 5, true, "ms"));
    checks.add(new TargetCheck("search_qps_vs_fts5", "Search queries/s vs FTS5, " + clients + " clients (ratio)",
        ratio(base, Keys.searchQps(clients)), 10, false, "×"));
    checks.add(new TargetCheck("ask_p99", "Ask p99 with passages", ours(base, Keys.ASK_P99), 20, true, "ms"));
    checks.add(new TargetCheck("cold_search", "Cold ./archive search, whole process", ours(base, Keys.COLD_SEARCH),
        1000, true, "ms"));
    if (base.get(Keys.VECTORS_ASK_HYBRID_P99) != null || base.get(Keys.VECTORS_COLD_ASK) != null) {
      checks.add(new TargetCheck("ask_hybrid_p99", "Hybrid ask p99, warm (model loaded)",
          ours(base, Keys.VECTORS_ASK_HYBRID_P99), 30, true, "ms"));
      checks.add(new TargetCheck("cold_ask_vectors", "Cold ./archive ask with the model, whole process",
          ours(base, Keys.VECTORS_COLD_ASK), 1500, true, "ms"));
    }
    for (ScaleFigures larger : scales.subList(1, scales.size())) {
      // Issue 10: at 5x the build should be no slower than FTS5's, once the JIT's warm-up weighs less.
      Double buildRatio = ratio(larger, Keys.BUILD_SECONDS);
      if (buildRatio != null) {
        checks.add(new TargetCheck("build_vs_fts5_x" + larger.scale(),
            "Full build at " + larger.scale() + "× no slower than FTS5 (time ratio)", buildRatio, 1.0, true, "×"));
      }
    }
    ScaleFigures largest = scales.get(scales.size() - 1);
    if (scales.size() > 1 && base.scale() == 1) {
      String at = largest.scale() + "×";
      checks.add(new TargetCheck("scale_build_rate", "Build throughput at " + at + " vs 1× (ratio, within 20%)",
          between(largest, base, Keys.BUILD_RATE), 0.8, false, "×"));
      checks.add(new TargetCheck("scale_search_p99", "Search p99 at " + at + " vs 1× (ratio)",
          between(largest, base, Keys.SEARCH_P99), 3, true, "×"));
    }
    checks.add(new TargetCheck("serve_heap", "Serves " + largest.scale() + "× with -Xmx" + heap
        + " (live heap after GC)", ours(largest, Keys.MEMORY_HEAP_LIVE), ours(largest, Keys.MEMORY_HEAP_MAX) == null
        ? 256 : ours(largest, Keys.MEMORY_HEAP_MAX), true, "MB"));
    return checks;
  }

  private static Double ours(ScaleFigures figures, String key) {
    Figure figure = figures.get(key);
    return figure == null ? null : figure.ours();
  }

  private static Double ratio(ScaleFigures figures, String key) {
    Figure figure = figures.get(key);
    return figure == null ? null : figure.ratio();
  }

  private static Double between(ScaleFigures larger, ScaleFigures base, String key) {
    Double a = ours(larger, key);
    Double b = ours(base, key);
    return a == null || b == null || b == 0 ? null : a / b;
  }
}
