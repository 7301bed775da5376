package dev.dealarchive.cli;

import dev.dealarchive.generate.Citation;
import dev.dealarchive.generate.Generation;
import dev.dealarchive.generate.WrittenAnswer;
import dev.dealarchive.search.SearchHit;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code archive ask} shows a written answer: its text with resolved citations, or why there is none. */
final class WrittenAnswerOutput {
  private WrittenAnswerOutput() {}

  /** The {@code generated} object of {@code ask --json}, or {@code null} when the answer stayed extractive. */
  static Map<String, Object> json(Generation generation) {
    if (generation.answer() == null) {
      return null;
    }
    WrittenAnswer written = generation.answer();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("text", written.text());
    List<Map<String, Object>> citations = new ArrayList<>();
    for (Citation citation : written.citations()) {
      SearchHit article = citation.article();
      Map<String, Object> cited = new LinkedHashMap<>();
      cited.put("n", citation.number());
      cited.put("id", article.id());
      cited.put("title", article.title());
      cited.put("url", article.url());
      cited.put("source", article.source());
      cited.put("published", article.published() == null ? null : Rendering.day(article.published()));
      citations.add(cited);
    }
    json.put("citations", citations);
    json.put("model", written.model());
    return json;
  }

  /** What the reader should know: why the answer is only quoted, or that sentences were left out. */
  static List<String> notices(Generation generation) {
    List<String> notices = new ArrayList<>();
    if (generation.fallbackReason() != null) {
      notices.add("no written answer (" + generation.fallbackReason() + "); showing the quoted answer");
    }
    if (generation.notice() != null) {
      notices.add(generation.notice());
    }
    return notices;
  }

  /** Prints the written answer and its sources, when there is one. */
  static void print(PrintWriter out, Generation generation) {
    if (generation.answer() == null) {
      return;
    }
    WrittenAnswer written = generation.answer();
    out.println(written.text());
    out.println();
    for (Citation citation : written.citations()) {
      SearchHit article = citation.article();
      StringBuilder line = new StringBuilder("  [").append(citation.number()).append("] ");
      line.append(article.title().isEmpty() ? "(untitled)" : article.title());
      if (!article.source().isEmpty()) {
        line.append(" — ").append(article.source());
      }
      if (article.published() != null) {
        line.append(", ").append(Rendering.day(article.published()));
      }
      if (article.url() != null) {
        line.append(", ").append(article.url());
      }
      out.println(line);
    }
    out.println("  (written by " + written.model() + " from the archive's passages; quoted answer below)");
    out.println();
  }
}
