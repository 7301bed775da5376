package dev.dealarchive.web;

import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.QueryLanguage;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The HTML pages, rendered on the server: every piece of article text and user input goes through {@link Html}, and
 * the pages carry no inline script or style, so the Content-Security-Policy can forbid both.
 */
final class Pages {
  /** Results per page. */
  static final int PAGE_SIZE = 10;
  /** Deepest page: deep pages cost as much as all the pages before them. */
  static final int MAX_PAGE = 100;
  /** Matched passages listed on an article page. */
  static final int PASSAGES = 5;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private Pages() {}

  /**
   * What a search page shows besides its state.
   *
   * @param writes whether a language model is configured: the answer card then asks {@code /api/ask} for the written
   *     answer once the page has loaded, so the quoted answer shows at once
   */
  record SearchPage(SearchResult result, Facets facets, AskResult ask, long articles, boolean writes) {}

  static String home(long articles, String notice) {
    StringBuilder html = head("Deal archive", SearchState.empty());
    if (notice != null) {
      html.append("<p class=\"notice\">").append(Html.escape(notice)).append("</p>");
    }
    html.append("<section class=\"intro\"><h1>Search ")
        .append(Html.escape(count(articles)))
        .append(" articles about deals between companies</h1>")
        .append("<p>Type words to search, or ask a question in your own words. Press <kbd>/</kbd> to jump to the box.</p>")
        .append("<ul class=\"examples\">");
    example(html, "\"joint venture\"", "an exact phrase");
    example(html, "licence -exclusive", "every word, without \"exclusive\"");
    example(html, "cloud OR storage after:2025-01-01", "either word, after a date");
    example(html, "How much revenue share does OpenAI pay Microsoft?", "a question: the answering sentence first");
    html.append("</ul></section>");
    return foot(html, articles);
  }

  private static void example(StringBuilder html, String query, String what) {
    html.append("<li><a href=\"")
        .append(new SearchState(query, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1).htmlUrl())
        .append("\"><code>")
        .append(Html.escape(query))
        .append("</code></a> ")
        .append(Html.escape(what))
        .append("</li>");
  }

  static String search(SearchState state, SearchPage page) {
    String title = (state.text().isBlank() ? state.query() : state.text()) + " – Deal archive";
    StringBuilder html = head(title, state);
    chips(html, state);
    for (String notice : page.result().notices()) {
      html.append("<p class=\"notice\">Note: ").append(Html.escape(notice)).append("</p>");
    }
    if (page.ask() != null) {
      answer(html, state, page.ask(), page.writes());
    }
    Timeline.append(html, state, page.facets().months());
    html.append("<div class=\"layout\">");
    facets(html, state, page.facets());
    results(html, state, page.result());
    html.append("</div>");
    return foot(html, page.articles());
  }

  private static void chips(StringBuilder html, SearchState state) {
    if (state.sources().isEmpty() && state.tags().isEmpty() && state.from() == null && state.to() == null) {
      return;
    }
    html.append("<nav class=\"chips\" aria-label=\"Active filters\">");
    for (String source : state.sources()) {
      chip(html, "source", source, state.withoutSource(source));
    }
    for (String tag : state.tags()) {
      chip(html, "tag", tag, state.withoutTag(tag));
    }
    if (state.from() != null || state.to() != null) {
      String range = (state.from() == null ? "…" : state.from().toString()) + " to "
          + (state.to() == null ? "…" : state.to().toString());
      chip(html, "dates", range, state.withDates(null, null));
    }
    html.append("</nav>");
  }

  private static void chip(StringBuilder html, String kind, String value, SearchState without) {
    html.append("<a class=\"chip\" data-kind=\"")
        .append(kind)
        .append("\" href=\"")
        .append(without.htmlUrl())
        .append("\" title=\"Remove this filter\">")
        .append(kind)
        .append(": ")
        .append(Html.escape(value))
        .append(" <span aria-hidden=\"true\">×</span></a>");
  }

  private static void answer(StringBuilder html, SearchState state, AskResult ask, boolean writes) {
    html.append("<section id=\"answer\" class=\"answer\" aria-label=\"Answer\">");
    if (ask.correctedQuestion() != null) {
      html.append("<p class=\"corrected\">Answering: ").append(Html.escape(ask.correctedQuestion())).append("</p>");
    }
    Answer answer = ask.answer();
    if (answer == null) {
      html.append("<p class=\"no-answer\">Nothing in the archive answers this question directly.</p>");
      if (ask.tip() != null) {
        html.append("<p class=\"tip\">Tip: ").append(Html.escape(ask.tip())).append("</p>");
      }
      html.append("</section>");
      return;
    }
    SearchHit cited = answer.article();
    if (writes) {
      // Filled by app.js from /api/ask: every sentence there cites a passage, or the card says why there is none.
      html.append("<div id=\"written\" class=\"written\" hidden data-question=\"")
          .append(Html.escape(state.query()))
          .append("\"><p class=\"written-status\">Writing an answer from these passages\u2026</p></div>");
    }
    Html.marked(html.append("<blockquote class=\"answer-passage\">"), answer.passage())
        .append("</blockquote><p class=\"answer-cite\">— <a href=\"")
        .append(Html.escape(articleUrl(cited.id(), state.query())))
        .append("\">")
        .append(Html.escape(titleOf(cited.title())))
        .append("</a> · ")
        .append(Html.escape(meta(cited.source(), cited.published())))
        .append("</p>");
    if (!Double.isNaN(answer.coverage())) {
      long percent = Math.round(answer.coverage() * 100);
      html.append("<p class=\"confidence\">Confidence <meter min=\"0\" max=\"100\" value=\"")
          .append(percent)
          .append("\"></meter> ")
          .append(percent)
          .append("% of the question's words are in this passage</p>");
    }
    html.append("</section>");
  }

  private static void facets(StringBuilder html, SearchState state, Facets facets) {
    html.append("<aside id=\"facets\" class=\"facets\" aria-label=\"Narrow the results\">");
    facetGroup(html, "source", "Source", facets.sources(), state::withSource, state.sources());
    facetGroup(html, "tag", "Tag", facets.tags(), state::withTag, state.tags());
    facetGroup(html, "year", "Year", facets.years().reversed(), state::withYear, List.of());
    html.append("<form class=\"dates\" method=\"get\" action=\"/\">");
    hiddenState(html, state, false);
    html.append("<label>From <input type=\"date\" name=\"from\" value=\"")
        .append(state.from() == null ? "" : state.from())
        .append("\"></label><label>To <input type=\"date\" name=\"to\" value=\"")
        .append(state.to() == null ? "" : state.to())
        .append("\"></label><button type=\"submit\">Set dates</button></form>");
    html.append("</aside>");
  }

  private interface Narrow {
    SearchState apply(String value);
  }

  private static void facetGroup(
      StringBuilder html, String kind, String heading, List<Facets.Count> counts, Narrow narrow, List<String> chosen) {
    if (counts.isEmpty()) {
      return;
    }
    html.append("<section class=\"facet-group\" data-facet=\"").append(kind).append("\"><h2>").append(heading).append("</h2><ul>");
    for (Facets.Count count : counts) {
      boolean active = chosen.stream().anyMatch(c -> c.equalsIgnoreCase(count.value()));
      html.append("<li><a class=\"facet").append(active ? " active" : "").append("\" href=\"")
          .append(narrow.apply(count.value()).htmlUrl())
          .append("\" data-value=\"")
          .append(Html.escape(count.value()))
          .append("\"><span class=\"value\">")
          .append(Html.escape(count.value()))
          .append("</span> <span class=\"count\">")
          .append(Html.escape(count(count.count())))
          .append("</span></a></li>");
    }
    html.append("</ul></section>");
  }

  private static void results(StringBuilder html, SearchState state, SearchResult result) {
    html.append("<section id=\"results\" class=\"results\" aria-label=\"Results\">");
    long total = result.total();
    int offset = (state.page() - 1) * PAGE_SIZE;
    html.append("<p id=\"summary\" class=\"summary\">");
    if (total == 0) {
      html.append("No article matches.");
    } else if (result.hits().isEmpty()) {
      html.append("No more results: ").append(Html.escape(count(total))).append(" in all.");
    } else {
      html.append(offset + 1)
          .append('–')
          .append(offset + result.hits().size())
          .append(" of ")
          .append(Html.escape(count(total)))
          .append(result.totalIsLowerBound() ? "+" : "")
          .append(total == 1 ? " article" : " articles");
    }
    html.append(" · sorted by ");
    if (state.sort() == SortOrder.RELEVANCE) {
      html.append("relevance (<a href=\"").append(state.withSort(SortOrder.NEWEST).htmlUrl()).append("\">newest first</a>)");
    } else {
      html.append("newest first (<a href=\"").append(state.withSort(SortOrder.RELEVANCE).htmlUrl()).append("\">relevance</a>)");
    }
    html.append("</p><ol class=\"hits\" start=\"").append(offset + 1).append("\">");
    for (SearchHit hit : result.hits()) {
      html.append("<li class=\"hit\"><a class=\"hit-title\" href=\"")
          .append(Html.escape(articleUrl(hit.id(), state.query())))
          .append("\">")
          .append(Html.escape(titleOf(hit.title())))
          .append("</a><div class=\"hit-meta\"><span class=\"hit-source\">")
          .append(Html.escape(hit.source()))
          .append(hit.source().isBlank() ? "</span><time>" : "</span> · <time>")
          .append(Html.escape(day(hit.published())))
          .append("</time>");
      for (String tag : hit.tags()) {
        html.append(" <a class=\"tag\" href=\"").append(state.withTag(tag).htmlUrl()).append("\">")
            .append(Html.escape(tag)).append("</a>");
      }
      Html.marked(html.append("</div><p class=\"hit-snippet\">"), hit.snippet()).append("</p></li>");
    }
    html.append("</ol>");
    pager(html, state, total, result.hits().size());
    html.append("</section>");
  }

  private static void pager(StringBuilder html, SearchState state, long total, int shown) {
    long pages = Math.min(MAX_PAGE, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    if (pages <= 1 && state.page() == 1) {
      return;
    }
    html.append("<nav class=\"pager\" aria-label=\"Pages\">");
    if (state.page() > 1) {
      html.append("<a rel=\"prev\" href=\"").append(state.withPage(state.page() - 1).htmlUrl()).append("\">← Previous</a>");
    }
    html.append("<span>Page ").append(state.page()).append(" of ").append(Math.max(pages, state.page())).append("</span>");
    if (state.page() < pages && shown == PAGE_SIZE) {
      html.append("<a rel=\"next\" href=\"").append(state.withPage(state.page() + 1).htmlUrl()).append("\">Next →</a>");
    }
    html.append("</nav>");
  }

  static String article(Article article, String query, long articles) {
    StringBuilder html = head(titleOf(article.title()) + " – Deal archive", new SearchState(query, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1));
    html.append("<article class=\"article\"><p class=\"back\"><a id=\"back\" href=\"")
        .append(Html.escape(query.isBlank() ? "/" : new SearchState(query, List.of(), List.of(), null, null, SortOrder.RELEVANCE, 1).url()))
        .append("\">← Search</a></p><h1 id=\"article-title\">")
        .append(Html.escape(titleOf(article.title())))
        .append("</h1><p class=\"article-meta\"><span class=\"hit-source\">")
        .append(Html.escape(article.source()))
        .append(article.source().isBlank() ? "</span><time>" : "</span> · <time>")
        .append(Html.escape(day(article.published())))
        .append("</time>");
    if (!article.authors().isEmpty()) {
      html.append(" · by ").append(Html.escape(String.join(", ", article.authors())));
    }
    html.append("</p>");
    String link = Html.safeLink(article.url());
    if (link != null) {
      html.append("<p><a id=\"original\" href=\"").append(Html.escape(link))
          .append("\" rel=\"noopener noreferrer nofollow\">Read the original</a> <span class=\"url\">")
          .append(Html.escape(link)).append("</span></p>");
    } else if (article.url() != null) {
      html.append("<p class=\"url\">Original: ").append(Html.escape(article.url())).append("</p>");
    }
    if (!article.tags().isEmpty()) {
      html.append("<p class=\"tags\">");
      for (String tag : article.tags()) {
        html.append("<a class=\"tag\" href=\"")
            .append(new SearchState("", List.of(), List.of(tag), null, null, SortOrder.NEWEST, 1).htmlUrl())
            .append("\">").append(Html.escape(tag)).append("</a> ");
      }
      html.append("</p>");
    }
    MatchTerms terms = MatchTerms.of(QueryLanguage.parse(query).positiveParts());
    List<Passages.Match> matches = terms.isEmpty() ? List.of() : Passages.matches(article.body(), terms);
    if (!matches.isEmpty()) {
      html.append("<section id=\"passages\" class=\"passages\"><h2>Where it matches “")
          .append(Html.escape(query)).append("”</h2><ul>");
      int listed = 0;
      int matchIndex = 0;
      for (Passages.Sentence sentence : Passages.sentences(article.body())) {
        while (matchIndex < matches.size() && matches.get(matchIndex).end() <= sentence.start()) {
          matchIndex++;
        }
        if (matchIndex < matches.size() && matches.get(matchIndex).start() < sentence.end()) {
          MarkedText passage = Passages.excerpt(article.body(), sentence.start(), sentence.end(), matches, 400);
          Html.marked(html.append("<li>"), passage).append("</li>");
          if (++listed == PASSAGES) {
            break;
          }
        }
      }
      html.append("</ul></section>");
    }
    html.append("<div id=\"article-body\" class=\"article-body\">");
    MarkedText body = new MarkedText(article.body(), matches.stream().map(m -> new MarkedText.Span(m.start(), m.end())).toList());
    for (String paragraph : Html.marked(body).split("\\n\\s*\\n")) {
      if (!paragraph.isBlank()) {
        html.append("<p>").append(paragraph.strip()).append("</p>");
      }
    }
    html.append("</div></article>");
    return foot(html, articles);
  }

  static String message(String title, String message, long articles) {
    StringBuilder html = head(title + " – Deal archive", SearchState.empty());
    html.append("<section class=\"message\"><h1>").append(Html.escape(title)).append("</h1><p>")
        .append(Html.escape(message)).append("</p><p><a href=\"/\">Back to the search</a></p></section>");
    return foot(html, articles);
  }

  static String login(String next, boolean failed) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Sign in – Deal archive</title><link rel=\"icon\" href=\"/static/favicon.svg\">")
        .append("<link rel=\"stylesheet\" href=\"/static/app.css\"></head><body>")
        .append("<main class=\"login\"><h1>Deal archive</h1><form method=\"post\" action=\"/login\">")
        .append("<input type=\"hidden\" name=\"next\" value=\"").append(Html.escape(next)).append("\">")
        .append("<label>Access token <input id=\"token\" type=\"password\" name=\"token\" autocomplete=\"current-password\" required autofocus></label>")
        .append("<button type=\"submit\">Sign in</button></form>");
    if (failed) {
      html.append("<p class=\"notice\" id=\"login-failed\">That token is not right.</p>");
    }
    html.append("</main></body></html>");
    return html.toString();
  }

  private static StringBuilder head(String title, SearchState state) {
    StringBuilder html = new StringBuilder(16_384);
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Html.escape(title)).append("</title>")
        .append("<link rel=\"icon\" href=\"/static/favicon.svg\">")
        .append("<link rel=\"stylesheet\" href=\"/static/app.css\">")
        .append("<script src=\"/static/app.js\" defer></script></head><body>")
        .append("<header class=\"top\"><a class=\"brand\" href=\"/\">Deal archive</a>")
        .append("<form id=\"search-form\" class=\"search\" method=\"get\" action=\"/\" role=\"search\">")
        .append("<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" aria-label=\"Search or ask\" ")
        .append("placeholder=\"Search, or ask a question (press / to focus)\" value=\"")
        .append(Html.escape(state.text()))
        .append("\">");
    hiddenState(html, state, true);
    html.append("<select name=\"sort\" id=\"sort\" aria-label=\"Sort\"><option value=\"relevance\"")
        .append(state.sort() == SortOrder.RELEVANCE ? " selected" : "")
        .append(">Relevance</option><option value=\"newest\"")
        .append(state.sort() == SortOrder.NEWEST ? " selected" : "")
        .append(">Newest</option></select><button type=\"submit\">Search</button></form></header><main>");
    return html;
  }

  /** Hidden inputs that carry the filters through a form; the dates too unless the form edits them. */
  private static void hiddenState(StringBuilder html, SearchState state, boolean withDates) {
    if (!withDates) {
      html.append("<input type=\"hidden\" name=\"q\" value=\"").append(Html.escape(state.text())).append("\">");
      if (state.sort() != SortOrder.RELEVANCE) {
        html.append("<input type=\"hidden\" name=\"sort\" value=\"newest\">");
      }
    }
    for (String source : state.sources()) {
      html.append("<input type=\"hidden\" name=\"source\" value=\"").append(Html.escape(source)).append("\">");
    }
    for (String tag : state.tags()) {
      html.append("<input type=\"hidden\" name=\"tag\" value=\"").append(Html.escape(tag)).append("\">");
    }
    if (withDates) {
      if (state.from() != null) {
        html.append("<input type=\"hidden\" name=\"from\" value=\"").append(state.from()).append("\">");
      }
      if (state.to() != null) {
        html.append("<input type=\"hidden\" name=\"to\" value=\"").append(state.to()).append("\">");
      }
    }
  }

  private static String foot(StringBuilder html, long articles) {
    html.append("</main><footer class=\"bottom\">")
        .append(Html.escape(count(articles)))
        .append(" articles · read-only · JSON: <code>/api/search?q=</code>, <code>/api/ask?q=</code>")
        .append(" · <kbd>/</kbd> searches</footer></body></html>");
    return html.toString();
  }

  static String articleUrl(String id, String query) {
    String url = "/article/" + SearchState.encode(id).replace("+", "%20");
    return query == null || query.isBlank() ? url : url + "?q=" + SearchState.encode(query);
  }

  private static String titleOf(String title) {
    return title == null || title.isBlank() ? "(untitled)" : title;
  }

  private static String meta(String source, Instant published) {
    return (source == null || source.isBlank() ? "" : source + " · ") + day(published);
  }

  static String day(Instant instant) {
    return instant == null ? "undated" : DAY.format(instant.atZone(ZoneOffset.UTC));
  }

  /** {@code n} with thousands separated by commas, as {@code String.format(Locale.ROOT, "%,d", n)} (pages print many). */
  static String count(long n) {
    String digits = Long.toString(n);
    int start = n < 0 ? 1 : 0;
    int length = digits.length() - start;
    if (length <= 3) {
      return digits;
    }
    StringBuilder grouped = new StringBuilder(digits.length() + length / 3).append(digits, 0, start);
    for (int i = start; i < digits.length(); i++) {
      if (i > start && (digits.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(digits.charAt(i));
    }
    return grouped.toString();
  }
}
