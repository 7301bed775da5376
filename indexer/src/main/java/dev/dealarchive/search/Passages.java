package dev.dealarchive.search;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    String analyzed = text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
    List<Sentence> sentences = new ArrayList<>();
    BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    iterator.setText(analyzed);
    int start = iterator.first();
    for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
      addParagraphs(analyzed, start, end, sentences);
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

  /** Every token of {@code text} that matches {@code terms}, in order. */
  public static List<Match> matches(String text, MatchTerms terms) {
    String analyzed = text.length() > MAX_ANALYZED_CHARS ? text.substring(0, MAX_ANALYZED_CHARS) : text;
    List<Match> matches = new ArrayList<>();
    if (terms.isEmpty() || analyzed.isEmpty()) {
      return matches;
    }
    Set<Integer> starts = new HashSet<>();
    if (!terms.stems().isEmpty()) {
      for (TextAnalysis.Token token : TextAnalysis.stemTokens(analyzed)) {
        if (terms.stems().contains(token.term())) {
          matches.add(new Match(token.start(), token.end(), token.term()));
          starts.add(token.start());
        }
      }
    }
    if (!terms.exact().isEmpty()) {
      for (TextAnalysis.Token token : TextAnalysis.exactTokens(analyzed)) {
        if (terms.exact().contains(token.term()) && !starts.contains(token.start())) {
          matches.add(new Match(token.start(), token.end(), token.term()));
        }
      }
      matches.sort((a, b) -> Integer.compare(a.start(), b.start()));
    }
    return matches;
  }

  /**
   * The best passage of {@code text} for {@code terms}: the sentence with the most distinct matched terms (then
   * the most matches, then the earliest), joined with the next sentence when short, cut to about {@code maxChars}
   * at word boundaries. White space is folded. Without matches, the text's opening.
   */
  public static MarkedText best(String text, MatchTerms terms, int maxChars) {
    if (text.isEmpty()) {
      return MarkedText.plain("");
    }
    List<Match> matches = matches(text, terms);
    List<Sentence> sentences = sentences(text);
    if (sentences.isEmpty()) {
      return MarkedText.plain("");
    }
    int best = 0;
    int bestDistinct = -1;
    int bestCount = -1;
    for (int i = 0; i < sentences.size(); i++) {
      Sentence sentence = sentences.get(i);
      Set<String> distinct = new HashSet<>();
      int count = 0;
      for (Match match : matches) {
        if (match.start() >= sentence.start() && match.end() <= sentence.end()) {
          distinct.add(match.term());
          count++;
        }
      }
      if (distinct.size() > bestDistinct || (distinct.size() == bestDistinct && count > bestCount)) {
        best = i;
        bestDistinct = distinct.size();
        bestCount = count;
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
