package dev.dealarchive.web;

import dev.dealarchive.search.SortOrder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Everything a search page shows, as its URL holds it ({@code /?q=...&source=...&tag=...&from=...&to=...&sort=...&page=2}),
 * so a search can be shared and the back button works. The filters become the query language's own filters, so the
 * page and the API search exactly as {@code archive search} does for the {@link #query() composed query}.
 *
 * @param text the words or question typed into the box
 * @param sources chosen sources (an article from any of them matches)
 * @param tags chosen tags (an article must have all of them)
 * @param from earliest publication day, inclusive, or {@code null}
 * @param to latest publication day, inclusive, or {@code null}
 * @param sort relevance or newest
 * @param page page number from 1
 */
record SearchState(
    String text, List<String> sources, List<String> tags, LocalDate from, LocalDate to, SortOrder sort, int page) {
  SearchState {
    text = text == null ? "" : text;
    sources = List.copyOf(sources);
    tags = List.copyOf(tags);
    sort = sort == null ? SortOrder.RELEVANCE : sort;
  }

  static SearchState empty() {
    return new SearchState("", List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1);
  }

  /** Reads the state from request parameters; {@code maxQueryChars} bounds the text and each filter value. */
  static SearchState from(Params params, int maxQueryChars, int maxPage) throws BadRequest {
    String text = params.get("q", "");
    if (text.length() > maxQueryChars) {
      throw BadRequest.badParameter("q is " + text.length() + " characters long; at most " + maxQueryChars + " are accepted");
    }
    List<String> sources = filterValues(params, "source", maxQueryChars);
    List<String> tags = filterValues(params, "tag", maxQueryChars);
    LocalDate from = day(params, "from");
    LocalDate to = day(params, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw BadRequest.badParameter("to (" + to + ") is before from (" + from + ")");
    }
    SortOrder sort = sort(params.get("sort", "relevance"));
    int page = params.integer("page", 1, 1, maxPage);
    return new SearchState(text, sources, tags, from, to, sort, page);
  }

  static SortOrder sort(String text) throws BadRequest {
    try {
      return SortOrder.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw BadRequest.badParameter("sort must be relevance or newest, not \"" + Params.abbreviate(text) + "\"");
    }
  }

  private static List<String> filterValues(Params params, String name, int maxChars) throws BadRequest {
    List<String> values = new ArrayList<>();
    for (String value : params.all(name)) {
      // Quotes delimit filter values in the query language; a value cannot contain one.
      String clean = value.replace("\"", " ").strip();
      if (clean.length() > maxChars) {
        throw BadRequest.badParameter(name + " is longer than " + maxChars + " characters");
      }
      if (!clean.isEmpty() && !values.contains(clean)) {
        values.add(clean);
      }
    }
    if (values.size() > 20) {
      throw BadRequest.badParameter("at most 20 " + name + " filters are accepted");
    }
    return values;
  }

  private static LocalDate day(Params params, String name) throws BadRequest {
    String text = params.get(name, null);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw BadRequest.badParameter(name + " must be a day as YYYY-MM-DD, not \"" + Params.abbreviate(text) + "\"");
    }
  }

  /** True when there is anything to search for. */
  boolean isEmpty() {
    return text.isBlank() && sources.isEmpty() && tags.isEmpty() && from == null && to == null;
  }

  /** The text followed by the filters in the query language: what is searched. */
  String query() {
    StringBuilder query = new StringBuilder(text);
    for (String source : sources) {
      query.append(" source:\"").append(source).append('"');
    }
    for (String tag : tags) {
      query.append(" tag:\"").append(tag).append('"');
    }
    // after: and before: exclude the day they name, so the inclusive range is widened by one day on each side.
    if (from != null) {
      query.append(" after:").append(from.minusDays(1));
    }
    if (to != null) {
      query.append(" before:").append(to.plusDays(1));
    }
    return query.toString().strip();
  }

  SearchState withPage(int page) {
    return new SearchState(text, sources, tags, from, to, sort, page);
  }

  SearchState withSource(String source) {
    List<String> more = new ArrayList<>(sources);
    if (!more.contains(source)) {
      more.add(source);
    }
    return new SearchState(text, more, tags, from, to, sort, 1);
  }

  SearchState withoutSource(String source) {
    return new SearchState(text, sources.stream().filter(s -> !s.equals(source)).toList(), tags, from, to, sort, 1);
  }

  SearchState withTag(String tag) {
    List<String> more = new ArrayList<>(tags);
    if (!more.contains(tag)) {
      more.add(tag);
    }
    return new SearchState(text, sources, more, from, to, sort, 1);
  }

  SearchState withoutTag(String tag) {
    return new SearchState(text, sources, tags.stream().filter(t -> !t.equals(tag)).toList(), from, to, sort, 1);
  }

  SearchState withDates(LocalDate from, LocalDate to) {
    return new SearchState(text, sources, tags, from, to, sort, 1);
  }

  SearchState withSort(SortOrder sort) {
    return new SearchState(text, sources, tags, from, to, sort, 1);
  }

  /** The year as a date range. */
  SearchState withYear(String year) {
    int y = Integer.parseInt(year);
    return withDates(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
  }

  /** The month ({@code YYYY-MM}) as a date range. */
  SearchState withMonth(YearMonth month) {
    return withDates(month.atDay(1), month.atEndOfMonth());
  }

  /** The page's URL, path and query, with parameters only where they differ from the defaults. */
  String url() {
    return url("&");
  }

  /**
   * {@link #url()} as it stands in an HTML attribute ({@code Html.escape(url())}): its parameters are percent-encoded
   * (letters, digits, {@code .-*_+%}), days and numbers, so the {@code &} between them is all there is to escape.
   */
  String htmlUrl() {
    return url("&amp;");
  }

  private String url(String separator) {
    StringBuilder url = new StringBuilder(64).append("/?");
    if (!text.isEmpty()) {
      url.append("q=").append(encode(text)).append(separator);
    }
    for (String source : sources) {
      url.append("source=").append(encode(source)).append(separator);
    }
    for (String tag : tags) {
      url.append("tag=").append(encode(tag)).append(separator);
    }
    if (from != null) {
      url.append("from=").append(from).append(separator);
    }
    if (to != null) {
      url.append("to=").append(to).append(separator);
    }
    if (sort != SortOrder.RELEVANCE) {
      url.append("sort=").append(sort.name().toLowerCase(Locale.ROOT)).append(separator);
    }
    if (page != 1) {
      url.append("page=").append(page).append(separator);
    }
    // Every parameter ends with a separator: drop the last one, or the "?" when there is none.
    return url.length() == 2 ? "/" : url.substring(0, url.length() - separator.length());
  }

  static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
