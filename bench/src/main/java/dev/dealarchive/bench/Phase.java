package dev.dealarchive.bench;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The parts of a benchmark run, selectable with {@code --phases}. */
public enum Phase {
  /** Full builds from an empty folder, with one thread and with one per core. */
  BUILD,
  /** {@code archive index} over the same inputs when nothing changed. */
  RESYNC,
  /** Search latency and throughput over the query log. */
  SEARCH,
  /** Ask latency over the question log. */
  ASK,
  /** Whole-process {@code ./archive search}, {@code ask} and {@code index}, JVM start included. */
  COLD,
  /** Peak resident memory and heap of a long-running serving process. */
  MEMORY,
  /** The SQLite FTS5 peer: build, search latency and throughput. */
  PEER,
  /**
   * What meaning costs: passages embedded per second, build time and index size with and without vectors, query
   * embedding, keyword and hybrid ask latency on the same index, a cold {@code ./archive ask} with the model and the
   * serving process's memory. Not in the default set: embedding all of Reuters takes about ten minutes on two cores.
   */
  VECTORS;

  /** The phases a run without {@code --phases} measures: every one but {@link #VECTORS}. */
  public static Set<Phase> defaults() {
    Set<Phase> phases = EnumSet.allOf(Phase.class);
    phases.remove(VECTORS);
    return phases;
  }

  /**
   * Parses a comma-separated list such as {@code build,search}; {@code all} selects every phase, {@code default} the
   * {@link #defaults()}.
   */
  public static Set<Phase> parseList(String list) {
    Set<Phase> phases = EnumSet.noneOf(Phase.class);
    for (String name : list.split(",")) {
      String trimmed = name.strip().toUpperCase(Locale.ROOT);
      if (trimmed.isEmpty()) {
        continue;
      }
      if (trimmed.equals("ALL")) {
        phases.addAll(EnumSet.allOf(Phase.class));
        continue;
      }
      if (trimmed.equals("DEFAULT")) {
        phases.addAll(defaults());
        continue;
      }
      try {
        phases.add(Phase.valueOf(trimmed));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "unknown phase '" + name.strip()
                + "' (known: build, resync, search, ask, cold, memory, peer, vectors, default, all)",
            e);
      }
    }
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("no phase selected");
    }
    return phases;
  }

  /** The lower-case name used on the command line and in the JSON output. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
