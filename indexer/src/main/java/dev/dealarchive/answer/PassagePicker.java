package dev.dealarchive.answer;

import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.Passages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses, within one article, the one to three consecutive sentences that best answer a question: the sentences
 * that cover most of the question's concepts (weighted by rarity), with the concepts close together, and of the
 * kind the question asks for (amounts for "how much", dates for "when").
 */
public final class PassagePicker {
  /** Longest passage, in characters, before it is cut around its first match. */
  static final int MAX_PASSAGE_CHARS = 600;
  /** Bonus for a sentence of the kind the question asks for. */
  static final double TYPE_BONUS = 0.15;
  /** Bonus for a sentence where all its matched concepts lie close together. */
  static final double PROXIMITY_BONUS = 0.05;
  /** Cost of each sentence added to a passage, so one sentence wins when it answers alone. */
  static final double EXTRA_SENTENCE_COST = 0.04;

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?i)\\d\\s*(%|percent\\b|per cent\\b|pct\\b)|[$€£¥]\\s?\\d|\\b\\d[\\d.,]*\\s*(million|billion|trillion|mln|bln"
              + "|bn|m|usd|dollars|euros|shares|stake)\\b|\\b(half|third|quarter|majority|minority) (stake|share)");
  private static final Pattern DATE =
      Pattern.compile(
          "(?i)\\b(19|20)\\d\\d\\b|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b"
              + "|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\\b"
              + "|\\b(q[1-4]|quarter|year|month|week)\\b");
  private static final Pattern WHO = Pattern.compile("\\b[A-Z][a-zA-Z&.-]+(\\s+[A-Z][a-zA-Z&.-]+)*\\b");

  private PassagePicker() {}

  /**
   * The chosen passage of an article.
   *
   * @param text the passage with matched words marked
   * @param score how well it answers, about 0 to 1.2: concept coverage plus bonuses
   * @param coverage share of the question's concept weight that the passage contains, 0 to 1
   */
  public record Pick(MarkedText text, double score, double coverage) {}

  /** Picks the best passage of {@code body} for a question's concepts. */
  public static Pick pick(String body, List<Concept> concepts, QuestionType type) {
    if (body.isEmpty()) {
      return new Pick(MarkedText.plain(""), 0, 0);
    }
    Set<String> stems = new HashSet<>();
    concepts.forEach(c -> stems.addAll(c.stems()));
    MatchTerms terms = new MatchTerms(stems, Set.of());
    List<Passages.Match> matches = Passages.matches(body, terms);
    List<Passages.Sentence> sentences = Passages.sentences(body);
    if (sentences.isEmpty()) {
      return new Pick(MarkedText.plain(""), 0, 0);
    }
    double totalWeight = concepts.stream().mapToDouble(Concept::weight).sum();
    List<List<Passages.Match>> perSentence = new ArrayList<>(sentences.size());
    int m = 0;
    for (Passages.Sentence sentence : sentences) {
      List<Passages.Match> inside = new ArrayList<>();
      while (m < matches.size() && matches.get(m).start() < sentence.start()) {
        m++;
      }
      int k = m;
      while (k < matches.size() && matches.get(k).end() <= sentence.end()) {
        inside.add(matches.get(k));
        k++;
      }
      perSentence.add(inside);
    }
    int bestStart = 0;
    int bestEnd = 0;
    double bestScore = -1;
    double bestCoverage = 0;
    for (int first = 0; first < sentences.size(); first++) {
      Set<Concept> covered = new HashSet<>();
      boolean typed = false;
      double proximity = 0;
      for (int last = first; last < Math.min(first + 3, sentences.size()); last++) {
        Passages.Sentence sentence = sentences.get(last);
        List<Passages.Match> inside = perSentence.get(last);
        int before = covered.size();
        covered.addAll(conceptsOf(inside, concepts));
        if (last > first && covered.size() == before) {
          break;
        }
        typed |= hasKind(body.substring(sentence.start(), sentence.end()), type);
        if (last == first) {
          proximity = isTight(inside) ? PROXIMITY_BONUS : 0;
        }
        double coverage = totalWeight == 0 ? 0 : covered.stream().mapToDouble(Concept::weight).sum() / totalWeight;
        double score =
            coverage + (typed && coverage > 0 ? TYPE_BONUS : 0) + proximity - EXTRA_SENTENCE_COST * (last - first);
        if (score > bestScore + 1e-9) {
          bestScore = score;
          bestCoverage = coverage;
          bestStart = first;
          bestEnd = last;
        }
      }
    }
    MarkedText text =
        Passages.excerpt(
            body, sentences.get(bestStart).start(), sentences.get(bestEnd).end(), matches, MAX_PASSAGE_CHARS);
    return new Pick(text, Math.max(0, bestScore), bestCoverage);
  }

  private static Set<Concept> conceptsOf(List<Passages.Match> matches, List<Concept> concepts) {
    Set<Concept> found = new HashSet<>();
    for (Passages.Match match : matches) {
      for (Concept concept : concepts) {
        if (concept.stems().contains(match.term())) {
          found.add(concept);
        }
      }
    }
    return found;
  }

  /** All matches of the sentence within a window of about ten words. */
  private static boolean isTight(List<Passages.Match> matches) {
    if (matches.size() < 2) {
      return false;
    }
    return matches.get(matches.size() - 1).end() - matches.get(0).start() <= 80;
  }

  static boolean hasKind(String sentence, QuestionType type) {
    return switch (type) {
      case AMOUNT -> AMOUNT.matcher(sentence).find();
      case DATE -> DATE.matcher(sentence).find();
      case WHO -> WHO.matcher(sentence).results().count() >= 2;
      case GENERAL -> false;
    };
  }
}
