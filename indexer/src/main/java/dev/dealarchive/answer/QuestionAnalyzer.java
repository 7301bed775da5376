package dev.dealarchive.answer;

import dev.dealarchive.search.ParsedQuery;
import dev.dealarchive.search.QueryBudget;
import dev.dealarchive.search.QueryLanguage;
import dev.dealarchive.search.QueryPart;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;

/**
 * Turns a question in plain English into the words that should drive the match: question words, auxiliaries and
 * conversational filler are dropped; names, numbers and rare words stay. The archive's query language works inside
 * questions ({@code source:}, {@code after:}, quotes, {@code -word}).
 */
public final class QuestionAnalyzer {
  /** Words that shape a question but say nothing about its subject. */
  static final Set<String> FILLER =
      Set.of(
          "what", "whats", "which", "who", "whom", "whose", "when", "where", "why", "how", "much", "many",
          "does", "do", "did", "done", "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had",
          "can", "could", "should", "would", "will", "shall", "may", "might", "must",
          "tell", "me", "us", "about", "please", "show", "give", "find", "list", "know", "explain", "describe",
          "i", "we", "you", "it", "its", "they", "them", "their", "there", "this", "that", "these", "those",
          "the", "a", "an", "of", "to", "in", "on", "at", "for", "from", "by", "with", "and", "or", "as", "into",
          "any", "some", "all", "there's", "anything", "something", "info", "information", "details",
          "latest", "recent", "recently", "newest", "new", "now", "currently", "current", "today", "get", "got",
          "want", "wanted", "need", "like", "let", "say", "said", "says", "kind", "sort", "exactly", "actually",
          "percentage", "percent");
  /** Words of a question asking for the latest news. */
  static final Set<String> RECENCY = Set.of("latest", "recent", "recently", "newest", "new", "now", "currently");

  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?i)\\bhow (much|many|large|big)\\b|\\b(what|which) (percentage|percent|share|amount|price|sum|fee|stake|value"
              + "|cut|portion|proportion|part of|slice)\\b|\\bhow much of\\b|\\b(percentage|percent|outlay|owes?|owed)\\b");
  private static final Pattern DURATION = Pattern.compile("(?i)\\bhow long\\b|\\bfor how many (years|months|weeks|days)\\b");
  private static final Pattern DATE =
      Pattern.compile("(?i)\\bwhen\\b|\\bwhat (year|date|day|month)\\b|\\bsince when\\b|\\buntil when\\b");
  private static final Pattern PLACE = Pattern.compile("(?i)^\\s*where\\b|\\bin which (country|countries|city|cities|region|regions)\\b");
  private static final Pattern REASON = Pattern.compile("(?i)^\\s*why\\b|\\bwhat (was|is) the reason\\b|\\bfor what reason\\b");
  private static final Pattern WHO =
      Pattern.compile("(?i)^\\s*(who|whom|whose|which|what (company|companies|firm|firms|partner|partners))\\b");

  private QuestionAnalyzer() {}

  /** Analyzes {@code question}. */
  public static Question analyze(String question) {
    String text = question == null ? "" : question.strip();
    ParsedQuery parsed = QueryLanguage.parse(text);
    List<QueryPart.Group> kept = new ArrayList<>();
    List<String> contentWords = new ArrayList<>();
    boolean wantsRecent = false;
    for (QueryPart.Group group : parsed.required()) {
      if (group.alternatives().size() == 1) {
        QueryPart part = group.alternatives().get(0);
        String normalized = normalize(part.text());
        if (!part.phrase() && !part.titleOnly()) {
          if (RECENCY.contains(normalized)) {
            wantsRecent = true;
          }
          if (normalized.isEmpty() || FILLER.contains(normalized)) {
            continue;
          }
        }
      }
      kept.add(group);
      for (QueryPart part : group.alternatives()) {
        contentWords.add(part.text());
      }
    }
    if (kept.isEmpty() && !parsed.required().isEmpty() && !parsed.hasFilters()) {
      // A question made only of common words ("what is new?") keeps them rather than matching nothing.
      kept.addAll(parsed.required());
      for (QueryPart.Group group : parsed.required()) {
        for (QueryPart part : group.alternatives()) {
          contentWords.add(part.text());
        }
      }
    }
    ParsedQuery content =
        new ParsedQuery(
            kept,
            parsed.excluded(),
            parsed.sources(),
            parsed.tags(),
            parsed.from(),
            parsed.until(),
            parsed.notices());
    return new Question(text, content, contentWords, typeOf(text), wantsRecent);
  }

  /**
   * {@code question} within the search budget ({@link QueryBudget}): repeated words folded and, of a very long
   * question, only the rarest words in {@code reader} kept, with a notice.
   */
  public static Question withinBudget(Question question, IndexReader reader) throws IOException {
    return withinBudget(question, (field, term) -> reader.docFreq(new org.apache.lucene.index.Term(field, term)));
  }

  /** As {@link #withinBudget(Question, IndexReader)} with any index's term statistics. */
  public static Question withinBudget(Question question, QueryBudget.DocFreq docFreq) throws IOException {
    ParsedQuery fitted = QueryBudget.fit(question.query(), docFreq);
    if (fitted == question.query()) {
      return question;
    }
    List<String> words = fitted.positiveParts().stream().map(QueryPart::text).toList();
    return new Question(question.text(), fitted, words, question.type(), question.wantsRecent());
  }

  static QuestionType typeOf(String question) {
    if (AMOUNT.matcher(question).find()) {
      return QuestionType.AMOUNT;
    }
    if (DURATION.matcher(question).find()) {
      return QuestionType.DURATION;
    }
    if (DATE.matcher(question).find()) {
      return QuestionType.DATE;
    }
    if (PLACE.matcher(question).find()) {
      return QuestionType.PLACE;
    }
    if (REASON.matcher(question).find()) {
      return QuestionType.REASON;
    }
    if (WHO.matcher(question).find()) {
      return QuestionType.WHO;
    }
    return QuestionType.GENERAL;
  }

  /** Lower case without surrounding punctuation, apostrophes folded ("What's" → "whats"). */
  static String normalize(String word) {
    String lower = word.toLowerCase(Locale.ROOT).replace("’", "'");
    int start = 0;
    int end = lower.length();
    while (start < end && !Character.isLetterOrDigit(lower.charAt(start))) {
      start++;
    }
    while (end > start && !Character.isLetterOrDigit(lower.charAt(end - 1))) {
      end--;
    }
    String trimmed = lower.substring(start, end);
    return trimmed.endsWith("'s") ? trimmed.substring(0, trimmed.length() - 2) + "s" : trimmed.replace("'", "");
  }
}
