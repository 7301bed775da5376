package dev.dealarchive.web;

import dev.dealarchive.search.Facets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The results page's timeline: matching articles per month (per year past {@value #MAX_MONTH_BARS} months) as an
 * inline SVG bar chart; each bar links to the search narrowed to its dates, and app.js turns a drag into a range.
 */
final class Timeline {
  /** A timeline longer than this many months is drawn by year. */
  static final int MAX_MONTH_BARS = 120;

  private Timeline() {}

  /** One bar of the timeline: a month or a year. */
  private record Bin(String label, LocalDate from, LocalDate to, long count) {}

  /** Appends the timeline of {@code months} (values {@code YYYY-MM}), or nothing when there are none. */
  static void append(StringBuilder html, SearchState state, List<Facets.Count> months) {
    if (months.isEmpty()) {
      return;
    }
    TreeMap<YearMonth, Long> byMonth = new TreeMap<>();
    months.forEach(m -> byMonth.put(YearMonth.parse(m.value()), m.count()));
    YearMonth first = byMonth.firstKey();
    YearMonth last = byMonth.lastKey();
    List<Bin> bins = new ArrayList<>();
    long span = first.until(last, ChronoUnit.MONTHS) + 1;
    if (span <= MAX_MONTH_BARS) {
      for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
        String label = m.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
        bins.add(new Bin(label, m.atDay(1), m.atEndOfMonth(), byMonth.getOrDefault(m, 0L)));
      }
    } else {
      TreeMap<Integer, Long> byYear = new TreeMap<>();
      byMonth.forEach((m, n) -> byYear.merge(m.getYear(), n, Long::sum));
      for (int y = first.getYear(); y <= last.getYear(); y++) {
        bins.add(new Bin(String.valueOf(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), byYear.getOrDefault(y, 0L)));
      }
    }
    long max = bins.stream().mapToLong(Bin::count).max().orElse(1);
    // The chart is about 1,000 units wide whatever the number of bars, so a few bars are wide and many are thin.
    int barWidth = Math.max(6, Math.min(36, 1_000 / bins.size()));
    int chartHeight = 60;
    int width = bins.size() * barWidth;
    html.append("<figure id=\"timeline\" class=\"timeline\"><figcaption>Matching articles per ")
        .append(span <= MAX_MONTH_BARS ? "month" : "year")
        .append(" — click a bar, or drag across bars, to narrow the dates</figcaption>")
        .append("<svg role=\"img\" aria-label=\"Timeline of matching articles\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(chartHeight + 16)
        .append("\" preserveAspectRatio=\"xMinYMid meet\" data-url=\"")
        .append(state.withDates(null, null).htmlUrl())
        .append("\">");
    int previousYear = -1;
    for (int i = 0; i < bins.size(); i++) {
      Bin bin = bins.get(i);
      int x = i * barWidth;
      long height = bin.count() == 0 ? 0 : Math.max(2, Math.round((double) bin.count() / max * chartHeight));
      String tooltip = bin.label() + ": " + Pages.count(bin.count()) + (bin.count() == 1 ? " article" : " articles");
      if (bin.count() > 0) {
        html.append("<a class=\"bar\" href=\"")
            .append(state.withDates(bin.from(), bin.to()).htmlUrl())
            .append("\" data-from=\"")
            .append(bin.from())
            .append("\" data-to=\"")
            .append(bin.to())
            .append("\"><title>")
            .append(Html.escape(tooltip))
            .append("</title><rect x=\"")
            .append(x + 1)
            .append("\" y=\"0\" width=\"")
            .append(barWidth - 2)
            .append("\" height=\"")
            .append(chartHeight)
            .append("\" class=\"hit-area\"></rect><rect x=\"")
            .append(x + 1)
            .append("\" y=\"")
            .append(chartHeight - height)
            .append("\" width=\"")
            .append(barWidth - 2)
            .append("\" height=\"")
            .append(height)
            .append("\" class=\"fill\"></rect></a>");
      }
      if (bin.from().getYear() != previousYear) {
        previousYear = bin.from().getYear();
        html.append("<text x=\"")
            .append(x + 1)
            .append("\" y=\"")
            .append(chartHeight + 12)
            .append("\">")
            .append(previousYear)
            .append("</text>");
      }
    }
    html.append("</svg></figure>");
  }
}
