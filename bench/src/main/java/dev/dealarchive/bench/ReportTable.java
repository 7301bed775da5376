package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report as text tables for a terminal: the figures beside the peer's, how cost grows, the targets. */
final class ReportTable {
  private ReportTable() {}

  /** The whole report as text. */
  static String render(BenchReport report) {
    StringBuilder out = new StringBuilder();
    ScaleFigures base = report.scales().get(0);
    out.append(String.format(Locale.ROOT, "Machine: %s%n", report.machine().describe()));
    out.append(String.format(Locale.ROOT, "Load:    %.2f at the start, %.2f at the end (1-minute load average; above %d"
        + " means other work shared the cores)%n", report.loadBefore(), report.loadAfter(), report.machine().cores()));
    out.append(String.format(Locale.ROOT, "Corpus:  %s, %,d articles, %.1f MB; %,d queries, %,d questions, seed %d%n%n",
        report.corpus().file().getFileName(), report.corpus().articles().size(), report.corpus().bytes() / 1e6,
        report.settings().queries(), report.settings().questions(), report.settings().seed()));
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Figure (" + base.scale() + "×)", "Unit", "archive", "FTS5", "archive/FTS5"});
    for (Figure figure : base.figures()) {
      Double ratio = figure.ratio();
      rows.add(new String[] {
        figure.label(),
        figure.unit(),
        number(figure.ours()),
        number(figure.peer()),
        ratio == null ? "" : String.format(Locale.ROOT, "%.2f× %s", ratio, verdict(figure, ratio))
      });
    }
    table(out, rows);
    if (report.scales().size() > 1) {
      out.append(String.format(Locale.ROOT, "%nHow cost grows%n"));
      List<String[]> growth = new ArrayList<>();
      growth.add(new String[] {"Scale", "Articles", "Input MB", "Build s", "Articles/s", "MB/s", "Index MB",
        "Search p50 ms", "Search p99 ms", "FTS5 p50 ms", "FTS5 p99 ms", "Peak RSS MB", "Live heap MB"});
      for (ScaleFigures scale : report.scales()) {
        growth.add(new String[] {
          scale.scale() + "×",
          String.format(Locale.ROOT, "%,d", scale.articles()),
          String.format(Locale.ROOT, "%.0f", scale.inputBytes() / 1e6),
          ours(scale, Keys.BUILD_SECONDS),
          ours(scale, Keys.BUILD_RATE),
          ours(scale, Keys.BUILD_MB_PER_S),
          ours(scale, Keys.INDEX_MB),
          ours(scale, Keys.SEARCH_P50),
          ours(scale, Keys.SEARCH_P99),
          peer(scale, Keys.SEARCH_P50),
          peer(scale, Keys.SEARCH_P99),
          ours(scale, Keys.MEMORY_RSS_PEAK),
          ours(scale, Keys.MEMORY_HEAP_LIVE)
        });
      }
      table(out, growth);
    }
    out.append(String.format(Locale.ROOT, "%nTargets%n"));
    List<String[]> targets = new ArrayList<>();
    targets.add(new String[] {"Target", "Measured", "Limit", "Met"});
    for (TargetCheck target : report.targets()) {
      Boolean met = target.met();
      targets.add(new String[] {
        target.description(),
        target.value() == null ? "not measured" : number(target.value()) + " " + target.unit(),
        (target.atMost() ? "≤ " : "≥ ") + number(target.limit()) + " " + target.unit(),
        met == null ? "-" : met ? "yes" : "NO"
      });
    }
    table(out, targets);
    for (String note : report.notes()) {
      out.append(String.format(Locale.ROOT, "Note: %s%n", note));
    }
    return out.toString();
  }

  private static String verdict(Figure figure, double ratio) {
    boolean better = figure.lowerIsBetter() ? ratio < 1 : ratio > 1;
    return better ? "(better)" : ratio == 1 ? "" : "(worse)";
  }

  private static String ours(ScaleFigures scale, String key) {
    Figure figure = scale.get(key);
    return figure == null ? "-" : number(figure.ours());
  }

  private static String peer(ScaleFigures scale, String key) {
    Figure figure = scale.get(key);
    return figure == null ? "-" : number(figure.peer());
  }

  /** A number with a precision that suits its size. */
  static String number(Double value) {
    if (value == null) {
      return "-";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (magnitude >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3f", value);
  }

  /** Appends rows as a table: first column left-aligned, the others right-aligned, header underlined. */
  static void table(StringBuilder out, List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < columns; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        String cell = rows.get(r)[c];
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(c == 0 ? cell + pad : "  " + pad + cell);
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
      if (r == 0) {
        int total = 0;
        for (int width : widths) {
          total += width + 2;
        }
        out.append("-".repeat(total - 2)).append(System.lineSeparator());
      }
    }
  }
}
