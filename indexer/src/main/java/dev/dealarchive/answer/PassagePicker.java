package dev.dealarchive.answer;

import dev.dealarchive.hybrid.SemanticSide.StoredPassage;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.MatchTerms;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.TextAnalysis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
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
  /** Cost of length, so of two passages that answer alike the shorter, denser one wins. */
  static final double LENGTH_COST = 0.04;
  /** Cost of each sentence added to a passage, so one sentence wins when it answers alone. */
  static final double EXTRA_SENTENCE_COST = 0.04;
  /**
   * Most share of meaning in a passage's score when the index has vectors (the rest is word coverage); it shrinks as
   * the best window's word coverage grows.
   */
  static final double MEANING_WEIGHT = 1.0;
  /** Cosine similarity at and below which a passage counts as unrelated in meaning (meaning score 0). */
  static final double MEANING_FLOOR = 0.55;
  /** Cosine similarity at and above which a passage counts as fully on the question (meaning score 1). */
  static final double MEANING_TOP = 0.85;

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?i)\\d\\s*(%|percent\\b|per cent\\b|pct\\b)|[$€£¥]\\s?\\d|\\b\\d[\\d.,]*\\s*(million|billion|trillion|mln|bln"
              + "|bn|m|usd|dollars|euros|shares|stake)\\b|\\b(half|third|quarter|majority|minority) (stake|share)");
  private static final Pattern DATE =
      Pattern.compile(
          "(?i)\\b(19|20)\\d\\d\\b|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? \\d{1,2}\\b"
              + "|\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\\b"
              + "|\\b(q[1-4]|quarter|year|month|week)\\b");
  private static final Pattern DURATION =
      Pattern.compile(
          "(?i)\\b(\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)[- ]"
              + "(year|month|week|day|hour|minute|decade)s?\\b|\\b(through|until|till|by|to) (the end of )?(19|20)\\d\\d\\b");
  private static final Pattern REASON =
      Pattern.compile(
          "(?i)\\b(because|due to|owing to|follows|followed|following|after|amid|as a result|in response|so that"
              + "|pressure|to (avoid|meet|cut|reduce|comply))\\b");
  /** A capitalised word after a preposition of place, not at the start of a sentence: "in Lyon", "in the Nordic". */
  private static final Pattern PLACE_NAME = Pattern.compile("\\b(in|at|from|across|near|throughout) (the )?([A-Z][\\p{L}-]+)");
  private static final Pattern NAME = Pattern.compile("\\b[A-Z][\\p{L}\\p{N}&'’-]*");
  /**
   * Words of which every match of {@link #AMOUNT} holds one or a digit (case aside), so a sentence with none is no
   * amount without running the pattern; likewise for {@link #DATE}, {@link #DURATION} (digits too) and {@link #REASON}.
   */
  private static final List<String> AMOUNT_WORDS = List.of("stake", "share");
  private static final List<String> DATE_WORDS = List.of("day", "tomorrow", "quarter", "year", "month", "week");
  private static final List<String> DURATION_WORDS = List.of("year", "month", "week", "day", "hour", "minute", "decade");
  private static final List<String> REASON_WORDS =
      List.of("because", "due to", "owing to", "follow", "after", "amid", "as a result", "in response", "so that",
          "pressure", "to avoid", "to meet", "to cut", "to reduce", "to comply");

  private PassagePicker() {}

  /**
   * The chosen passage of an article.
   *
   * @param text the passage with matched words marked
   * @param score how well it answers, about 0 to 1.2: concept coverage plus bonuses
   * @param coverage share of the question's concept weight that the passage contains, 0 to 1
   * @param similarity cosine similarity in meaning of the stored passage it lies in, NaN without vectors
   */
  public record Pick(MarkedText text, double score, double coverage, double similarity) {
    /** A pick without meaning. */
    public Pick(MarkedText text, double score, double coverage) {
      this(text, score, coverage, Double.NaN);
    }
  }

  /** Picks the best passage of {@code body} for a question's concepts. */
  public static Pick pick(String body, List<Concept> concepts, QuestionType type) {
    return pick(body, concepts, type, List.of());
  }

  /**
   * Picks the best passage of {@code body} by the question's concepts and by meaning: each sentence takes the
   * similarity of the stored passage it lies in, so a passage that says the same in other words can win over one
   * that shares more words. Without stored passages this is word coverage alone.
   */
  public static Pick pick(String body, List<Concept> concepts, QuestionType type, List<StoredPassage> meaning) {
    return pick(body, null, concepts, type, meaning);
  }

  /**
   * As {@link #pick(String, List, QuestionType, List)}, with the body's sentences already cut when it was indexed
   * ({@link dev.dealarchive.search.StoredSentences}), or {@code null} to cut them here: both are {@link
   * Passages#sentences(String)} of the same body, so the pick is the same; the stored ones save the sentence
   * breaking, about a third of reading a candidate.
   */
  public static Pick pick(
      String body, List<Passages.Sentence> cutSentences, List<Concept> concepts, QuestionType type,
      List<StoredPassage> meaning) {
    if (body.isEmpty()) {
      return new Pick(MarkedText.plain(""), 0, 0);
    }
    Set<String> stems = new HashSet<>();
    concepts.forEach(c -> stems.addAll(c.stems()));
    MatchTerms terms = new MatchTerms(stems, Set.of());
    List<Passages.Match> matches = Passages.matches(body, terms);
    List<Passages.Sentence> sentences =
        ArticleNotes.withoutNotes(body, cutSentences != null ? cutSentences : Passages.sentences(body));
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
    // Meaning weighs as much as words leave undecided: where a window holds most of the question's words, the
    // words decide, so questions in the article's own words are answered exactly as by words alone.
    double meaningWeight =
        meaning.isEmpty() ? 0 : MEANING_WEIGHT * (1 - maxCoverage(perSentence, concepts, totalWeight));
    Kinds kinds = new Kinds(body, type, stems).withTriggers(sentences.get(sentences.size() - 1).end());
    // How each sentence alone is of the asked kind, read when a window holding it first needs it (a window that
    // covers nothing, by words or meaning, takes no bonus, and most sentences are in no other); NaN until read.
    double[] sentenceKind = new double[sentences.size()];
    Arrays.fill(sentenceKind, Double.NaN);
    int bestStart = 0;
    int bestEnd = 0;
    double bestScore = -1;
    double bestCoverage = 0;
    double bestCosine = Double.NaN;
    for (int first = 0; first < sentences.size(); first++) {
      Set<Concept> covered = new HashSet<>();
      double proximity = 0;
      double windowCosine = Double.NaN;
      for (int last = first; last < Math.min(first + 3, sentences.size()); last++) {
        Passages.Sentence sentence = sentences.get(last);
        List<Passages.Match> inside = perSentence.get(last);
        int before = covered.size();
        covered.addAll(conceptsOf(inside, concepts));
        if (last > first && covered.size() == before && meaning.isEmpty()) {
          break;
        }
        if (last > first && !body.substring(sentences.get(last - 1).end(), sentence.start()).isBlank()) {
          // A window is consecutive sentences: it does not reach over a note left out between them.
          break;
        }
        windowCosine = windowMeaning(sentences.get(first).start(), sentence.end(), meaning);
        if (last == first) {
          proximity = isTight(inside) ? PROXIMITY_BONUS : 0;
        }
        double coverage = totalWeight == 0 ? 0 : covered.stream().mapToDouble(Concept::weight).sum() / totalWeight;
        int chars = sentence.end() - sentences.get(first).start();
        double meaningScore = Double.isNaN(windowCosine) ? 0 : windowCosine;
        double kind = coverage > 0 || meaningScore > 0 ? windowKind(sentences, first, last, sentenceKind, kinds) : 0;
        double score =
            (1 - meaningWeight) * coverage
                + meaningWeight * meaningScore
                + TYPE_BONUS * kind
                + proximity
                - EXTRA_SENTENCE_COST * (last - first)
                - LENGTH_COST * Math.min(1.0, chars / 400.0);
        if (score > bestScore + 1e-9) {
          bestScore = score;
          bestCoverage = coverage;
          bestCosine = similarity(sentences.get(first).start(), sentence.end(), meaning);
          bestStart = first;
          bestEnd = last;
        }
      }
    }
    MarkedText text =
        Passages.excerpt(
            body, sentences.get(bestStart).start(), sentences.get(bestEnd).end(), matches, MAX_PASSAGE_CHARS);
    return new Pick(text, Math.max(0, bestScore), bestCoverage, bestCosine);
  }

  /**
   * How a window of sentences {@code [first, last]} is of the asked kind: fully when one of its sentences is; else
   * its one sentence's degree, or for "who" the names of all its sentences together. Sentences are read once.
   */
  private static double windowKind(
      List<Passages.Sentence> sentences, int first, int last, double[] sentenceKind, Kinds kinds) {
    for (int i = first; i <= last; i++) {
      if (Double.isNaN(sentenceKind[i])) {
        sentenceKind[i] = kinds.of(sentences.get(i).start(), sentences.get(i).end());
      }
      if (sentenceKind[i] >= 1.0) {
        return 1.0;
      }
    }
    if (last == first) {
      return sentenceKind[first];
    }
    return kinds.isCount() ? kinds.of(sentences.get(first).start(), sentences.get(last).end()) : 0.0;
  }

  /**
   * Where in {@code text[0, limit)} the words and digits are without one of which the pattern of {@code type}
   * cannot match; {@code null} for a type whose pattern has no such words.
   */
  static TextTriggers triggers(QuestionType type, String text, int limit) {
    return switch (type) {
      case AMOUNT -> TextTriggers.of(text, limit, true, AMOUNT_WORDS);
      case DATE -> TextTriggers.of(text, limit, true, DATE_WORDS);
      case DURATION -> TextTriggers.of(text, limit, true, DURATION_WORDS);
      case REASON -> TextTriggers.of(text, limit, false, REASON_WORDS);
      case PLACE, WHO, GENERAL -> null;
    };
  }

  /** Cosine similarity scaled to 0..1 between {@link #MEANING_FLOOR} and {@link #MEANING_TOP}. */
  static double meaningScore(double cosine) {
    return Math.max(0, Math.min(1, (cosine - MEANING_FLOOR) / (MEANING_TOP - MEANING_FLOOR)));
  }

  /** The highest similarity of the stored passages a window overlaps; NaN for none. */
  static double similarity(int start, int end, List<StoredPassage> meaning) {
    double best = Double.NaN;
    for (StoredPassage passage : meaning) {
      if (passage.start() < end && start < passage.end()) {
        best = Double.isNaN(best) ? passage.cosine() : Math.max(best, passage.cosine());
      }
    }
    return best;
  }

  /**
   * How close a window of sentences is in meaning: each stored passage it overlaps counts with its similarity scaled
   * by the share of the passage the window holds, so part of a passage carries part of its meaning; the best
   * counts. NaN when there are no stored passages.
   */
  static double windowMeaning(int start, int end, List<StoredPassage> meaning) {
    double best = Double.NaN;
    for (StoredPassage passage : meaning) {
      int overlap = Math.min(end, passage.end()) - Math.max(start, passage.start());
      int length = passage.end() - passage.start();
      if (overlap > 0 && length > 0) {
        double share = Math.min(1.0, (double) overlap / length);
        double score = meaningScore(passage.cosine()) * share;
        best = Double.isNaN(best) ? score : Math.max(best, score);
      }
    }
    return best;
  }

  /** The highest share of the question's concept weight any window of up to three sentences holds. */
  private static double maxCoverage(List<List<Passages.Match>> perSentence, List<Concept> concepts, double totalWeight) {
    if (totalWeight <= 0) {
      return 0;
    }
    double best = 0;
    for (int first = 0; first < perSentence.size(); first++) {
      Set<Concept> covered = new HashSet<>();
      for (int last = first; last < Math.min(first + 3, perSentence.size()); last++) {
        covered.addAll(conceptsOf(perSentence.get(last), concepts));
        best = Math.max(best, covered.stream().mapToDouble(Concept::weight).sum() / totalWeight);
      }
    }
    return best;
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

  /**
   * How well a passage is of the kind the question asks for, 0 to 1: an amount or a date is there or not; for
   * "who" and "which" questions, the names it holds that the question does not (two or more count fully).
   */
  static double hasKind(String passage, QuestionType type, Set<String> questionStems) {
    return new Kinds(passage, type, questionStems).of(0, passage.length());
  }

  /**
   * {@link #hasKind} over ranges of one text, remembering the stems of the names it has seen: the same names are
   * read again in each of the up to three passages a sentence belongs to, and stemming one runs an analyzer.
   */
  private static final class Kinds {
    private final String text;
    private final QuestionType type;
    private final Set<String> questionStems;
    private final Map<String, List<String>> nameStems = new HashMap<>();

    /** Where the words and digits the type's pattern needs are, or {@code null} to run it on every range. */
    private TextTriggers triggers;

    Kinds(String text, QuestionType type, Set<String> questionStems) {
      this.text = text;
      this.type = type;
      this.questionStems = questionStems;
    }

    /** Runs the type's pattern only on ranges of {@code text[0, limit)} that hold a word or digit it needs. */
    Kinds withTriggers(int limit) {
      triggers = triggers(type, text, limit);
      return this;
    }

    /**
     * Whether a window of sentences can be more of the asked kind than its best sentence: for "who" and "which" the
     * names of its sentences add up; an amount, a date, a duration, a reason or a place is in one sentence or in
     * none (a window is read as its sentences, so no sentence of the kind means none for the window: a match across
     * a sentence break, such as "Dec." ending one, is not counted).
     */
    boolean isCount() {
      return type == QuestionType.WHO;
    }

    /** How well {@code text[start, end)} is of the asked kind, 0 to 1. */
    double of(int start, int end) {
      if (triggers != null && !triggers.within(start, end)) {
        return 0.0;
      }
      return switch (type) {
        case AMOUNT -> AMOUNT.matcher(text.substring(start, end)).find() ? 1.0 : 0.0;
        case DATE -> DATE.matcher(text.substring(start, end)).find() ? 1.0 : 0.0;
        case DURATION -> DURATION.matcher(text.substring(start, end)).find() ? 1.0 : 0.0;
        case REASON -> REASON.matcher(text.substring(start, end)).find() ? 1.0 : 0.0;
        case PLACE -> places(text.substring(start, end)) > 0 ? 1.0 : 0.0;
        case WHO -> Math.min(1.0, newNames(text.substring(start, end)) / 2.0);
        case GENERAL -> 0.0;
      };
    }

    private long places(String passage) {
      Set<String> places = new HashSet<>();
      Matcher place = PLACE_NAME.matcher(passage);
      while (place.find()) {
        for (String stem : nameStems.computeIfAbsent(place.group(3), TextAnalysis::stems)) {
          if (!questionStems.contains(stem)) {
            places.add(stem);
          }
        }
      }
      return places.size();
    }

    private long newNames(String passage) {
      Set<String> names = new HashSet<>();
      Matcher name = NAME.matcher(passage);
      while (name.find()) {
        for (String stem : nameStems.computeIfAbsent(name.group(), TextAnalysis::stems)) {
          if (!questionStems.contains(stem)) {
            names.add(stem);
          }
        }
      }
      return names.size();
    }
  }
}
