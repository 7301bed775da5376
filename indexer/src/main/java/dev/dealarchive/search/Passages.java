package dev.dealarchive.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cuts passages out of article text and marks the words that matched a query. Works on the stored text, with the
 * same analyzers as the index, so a word marked here is a word the query matched.
 */
public final class Passages {
  /** Text beyond this many characters is not searched for passages, so huge articles cost bounded time. */
  static final int MAX_ANALYZED_CHARS = 100_000;

  private Passages() {}

  /** A sentence of a text, as a half-open character range. */
  public record Sentence(int start, int end) {}

  /** A matched token: its range and its term (the stem for stem matches, else the exact form). */
  public record Match(int start, int end, String term) {}

  /** The sentences of {@code text}, in order, without surrounding white space. */
  public static List<Sentence> sentences(String text) {
    return sentences(text, Integer.MAX_VALUE);
  }

  /**
   * The sentences of {@code text} up to the first one, after the first sentence, that starts at or after {@code
   * stopAt}: sentence breaking costs as much as analysis, and a snippet needs no sentence after the one that follows
   * the last match.
   */
  static List<Sentence> sentences(String text, int stopAt) {
    String analyzed = text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
    List<Sentence> sentences = new ArrayList<>();
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    iterator.setText(analyzed);
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      addParagraphs(analyzed, start, end, sentences);
      if (sentences.size() > 1 && sentences.get(sentences.size() - 1).start() >= stopAt) {
        break;
      }
    }
    return sentences;
  }

  /** Splits at blank lines too, since headings and list items carry no full stop. */
  private static void addParagraphs(String text, int start, int end, List<Sentence> out) {
    int at = start;
    while (at < end) {
      int blank = text.indexOf("\n\n", at);
      int stop = blank < 0 || blank >= end ? end : blank;
      int s = at;
      int e = stop;
      while (s < e && Character.isWhitespace(text.charAt(s))) {
        s++;
      }
      while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
        e--;
      }
      if (e > s) {
        out.add(new Sentence(s, e));
      }
      at = stop + 2;
    }
  }

  /**
   * Every token of {@code text} that matches {@code terms}, in order: a token whose stem is one of the stems, else
   * one whose exact form is one of the exact terms. The text is analysed once for both forms.
   */
  public static List<Match> matches(String text, MatchTerms terms) {
    String analyzed = text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
    List<Match> matches = new ArrayList<>();
    if (terms.isEmpty() || analyzed.isEmpty()) {
      return matches;
    }
    return TokenForms.matches(analyzed, terms);
  }

  /**
   * The best passage of {@code text} for {@code terms}: the sentence with the most distinct matched terms (then
   * the densest, then the earliest), joined with the next sentence when short, cut to about {@code maxChars}
   * at word boundaries. White space is folded. Without matches, the text's opening.
   */
  public static MarkedText best(String text, MatchTerms terms, int maxChars) {
    return best(text, null, terms, maxChars);
  }

  /**
   * As {@link #best(String, MatchTerms, int)}, with the text's sentences already cut ({@link StoredSentences}), or
   * {@code null} to cut them here. Either gives the same passage: sentences after the one that follows the last
   * match hold no match and are never chosen.
   */
  public static MarkedText best(String text, List<Sentence> cutSentences, MatchTerms terms, int maxChars) {
    if (text.isEmpty()) {
      return MarkedText.plain("");
    }
    return bestOf(text, cutSentences, matches(text, terms), maxChars);
  }

  /** The best passage of a non-empty {@code text} for its {@code matches}, as {@link #best} chooses it. */
  static MarkedText bestOf(String text, List<Sentence> cutSentences, List<Match> matches, int maxChars) {
    // Only sentences that hold a match can beat the first sentence, and only the one after the best is joined.
    int lastMatchEnd = matches.isEmpty() ? 0 : matches.get(matches.size() - 1).end();
    List<Sentence> sentences = cutSentences != null ? cutSentences : sentences(text, lastMatchEnd);
    if (sentences.isEmpty()) {
      return MarkedText.plain("");
    }
    int best = 0;
    double bestScore = -1;
    int m = 0;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      // Matches are in text order and sentences do not overlap: walk both once.
      while (m < matches.size() && matches.get(m).start() < sentence.start()) {
        m++;
      }
      // Most sentences hold no match: they score 0 without a map of their own.
      Map<String, Integer> frequencies = null;
      for (int k = m; k < matches.size() && matches.get(k).start() < sentence.end(); k++) {
        if (matches.get(k).end() <= sentence.end()) {
          if (frequencies == null) {
            frequencies = new HashMap<>();
          }
          frequencies.merge(matches.get(k).term(), 1, Integer::sum);
        }
      }
      double score = frequencies == null ? 0 : score(frequencies, sentence.end() - sentence.start());
      if (score > bestScore + 1e-9) {
        best = i;
        bestScore = score;
      }
    }
    int start = sentences.get(best).start();
    int end = sentences.get(best).end();
    if (end - start < maxChars / 2 && best + 1 < sentences.size()) {
      end = sentences.get(best + 1).end();
    }
    return excerpt(text, start, end, matches, maxChars);
  }

  /**
   * Scores a sentence: distinct matched terms first, then BM25-style term frequency with length normalisation
   * (as Lucene's unified highlighter does, pivot 87 characters), so of two sentences with the same words the
   * shorter, denser one wins.
   */
  private static double score(Map<String, Integer> frequencies, int length) {
    double k1 = 1.2;
    double b = 0.75;
    double norm = k1 * ((1 - b) + b * (length / 87.0));
    double density = 0;
    for (int tf : frequencies.values()) {
      density += (tf * (k1 + 1)) / (tf + norm);
    }
    return frequencies.size() * 10.0 + density;
  }

  /**
   * The marked text of {@code text[start, end)}, white space folded, cut to about {@code maxChars} around the
   * first match with an ellipsis where text was cut.
   */
  public static MarkedText excerpt(String text, int start, int end, List<Match> matches, int maxChars) {
    if (end - start > maxChars) {
      int firstMatch = start;
      for (Match match : matches) {
        if (match.start() >= start && match.end() <= end) {
          firstMatch = match.start();
          break;
        }
      }
      int windowStart = Math.max(start, Math.min(firstMatch - maxChars / 4, end - maxChars));
      int windowEnd = Math.min(end, windowStart + maxChars);
      int cutStart = windowStart == start ? start : nextWordStart(text, windowStart, windowEnd);
      int cutEnd = windowEnd == end ? end : previousWordEnd(text, cutStart, windowEnd);
      return fold(text, cutStart, cutEnd, matches, cutStart > start, cutEnd < end);
    }
    return fold(text, start, end, matches, false, false);
  }

  private static int nextWordStart(String text, int from, int limit) {
    int at = from;
    while (at < limit && !Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    while (at < limit && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    return at < limit ? at : from;
  }

  private static int previousWordEnd(String text, int floor, int from) {
    int at = from;
    while (at > floor && !Character.isWhitespace(text.charAt(at))) {
      at--;
    }
    while (at > floor && Character.isWhitespace(text.charAt(at - 1))) {
      at--;
    }
    return at > floor ? at : from;
  }

  /** Copies a range, folding runs of white space to one space and remapping the marks. */
  private static MarkedText fold(
      String text, int start, int end, List<Match> matches, boolean ellipsisBefore, boolean ellipsisAfter) {
    StringBuilder out = new StringBuilder(end - start + 2);
    int[] mapped = new int[end - start + 1];
    if (ellipsisBefore) {
      out.append("… ");
    }
    boolean space = false;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      mapped[i - start] = out.length();
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = true;
        continue;
      }
      if (space && !out.isEmpty() && !(ellipsisBefore && out.length() == 2)) {
        out.append(' ');
        mapped[i - start] = out.length();
      }
      space = false;
      out.append(c);
    }
    mapped[end - start] = out.length();
    List<MarkedText.Span> spans = new ArrayList<>();
    for (Match match : matches) {
      if (match.start() >= start && match.end() <= end) {
        int s = mapped[match.start() - start];
        int e = mapped[match.end() - start];
        if (e > s && (spans.isEmpty() || spans.get(spans.size() - 1).end() <= s)) {
          spans.add(new MarkedText.Span(s, e));
        }
      }
    }
    if (ellipsisAfter) {
      out.append(" …");
    }
    return new MarkedText(out.toString(), spans);
  }
}
