package dev.dealarchive.web;

import dev.dealarchive.answer.AskResult;
import dev.dealarchive.article.Article;
import dev.dealarchive.cli.JsonViews;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.generate.WrittenAnswers;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON API. Search and ask answer with exactly the objects {@code archive search --json} and {@code archive ask
 * --json} print (the same code builds them), search with {@code facets} added.
 */
final class Api {
  /** How many sources and tags the facets list. */
  static final int FACET_VALUES = 20;

  private final WebArchive archive;
  private final WebSettings settings;
  private final WrittenAnswers writer;

  /**
   * @param writer writes cited answers for {@code /api/ask} ({@code generated}), or {@code null} for quoted answers
   *     only
   */
  Api(WebArchive archive, WebSettings settings, WrittenAnswers writer) {
    this.archive = archive;
    this.settings = settings;
    this.writer = writer;
  }

  /** {@code GET /api/search?q=&limit=&offset=&sort=} (and the page's filters: source, tag, from, to). */
  Response search(Params params) throws BadRequest, IOException {
    SearchState state = SearchState.from(params, settings.maxQueryChars(), Integer.MAX_VALUE);
    if (state.isEmpty()) {
      throw BadRequest.badParameter("q is required (words, a question or filters such as source:NAME)");
    }
    int limit = params.integer("limit", 10, 1, settings.maxLimit());
    int offset = params.integer("offset", 0, 0, settings.maxOffset());
    String query = state.query();
    FacetedResult read = archive.searchWithFacets(new SearchRequest(query, limit, offset, state.sort()), FACET_VALUES);
    Map<String, Object> json = new LinkedHashMap<>(JsonViews.search(read.result()));
    json.put("facets", facetsJson(read.facets()));
    return Response.json(200, JsonViews.write(json));
  }

  /**
   * {@code GET /api/ask?q=&limit=&llm=}: with a model configured, {@code generated} as {@code archive ask --json} has
   * it, unless {@code llm=0} asks for the quoted answer alone.
   */
  Response ask(Params params) throws BadRequest, IOException {
    String question = params.get("q", "");
    if (question.isEmpty()) {
      throw BadRequest.badParameter("q is required: the question to answer");
    }
    if (question.length() > settings.maxQueryChars()) {
      throw BadRequest.badParameter(
          "q is " + question.length() + " characters long; at most " + settings.maxQueryChars() + " are accepted");
    }
    int limit = params.integer("limit", 5, 1, settings.maxLimit());
    AskResult result = archive.ask(question, limit);
    boolean written = writer != null && !params.get("llm", "1").equals("0");
    return Response.json(200, JsonViews.write(written ? JsonViews.ask(result, writer.write(result)) : JsonViews.ask(result)));
  }

  /** {@code GET /api/articles/{id}}. */
  Response article(String id) throws BadRequest, IOException {
    Article article =
        archive.article(id).orElseThrow(() -> BadRequest.notFound("no article with id \"" + Params.abbreviate(id) + "\""));
    return Response.json(200, JsonViews.write(articleJson(article)));
  }

  /** {@code GET /api/stats}: the object {@code archive stats --json} prints. */
  Response stats() throws IOException {
    return Response.json(200, JsonViews.write(archive.statsJson()));
  }

  /** {@code GET /healthz}: 200 while the index can be read. */
  Response health() throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", "ok");
    json.put("articles", archive.articleCount());
    return Response.json(200, JsonViews.write(json));
  }

  static Response error(int status, String message) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", message);
    json.put("status", status);
    return Response.json(status, JsonViews.write(json));
  }

  static Map<String, Object> facetsJson(Facets facets) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("source", counts(facets.sources()));
    json.put("tag", counts(facets.tags()));
    json.put("year", counts(facets.years()));
    json.put("month", counts(facets.months()));
    return json;
  }

  private static List<Map<String, Object>> counts(List<Facets.Count> counts) {
    return counts.stream()
        .map(
            count -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("value", count.value());
              json.put("count", count.count());
              return json;
            })
        .toList();
  }

  static Map<String, Object> articleJson(Article article) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", article.id());
    json.put("title", article.title());
    json.put("source", article.source());
    json.put("url", article.url());
    json.put("published", article.published() == null ? null : article.published().toString());
    json.put("tags", article.tags());
    json.put("authors", article.authors());
    json.put("body", article.body());
    return json;
  }
}
