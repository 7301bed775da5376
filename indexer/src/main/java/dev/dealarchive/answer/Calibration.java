package dev.dealarchive.answer;

import dev.dealarchive.search.TextAnalysis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides how sure an answer is from its passage's word coverage, its similarity in meaning to the question and,
 * with vectors, whether its article is about the question at all. Measured with the bundled model
 * (bge-small-en-v1.5) on the sample articles of {@code data/}, BEIR SciFact and Reuters-21578 (docs/semantic.md,
 * "Confidence"): a passage of cosine 0.75 or more answers in other words; below 0.60 even the closest passage is
 * unrelated. Between the two the cosine alone does not tell: an archive of 49,000 passages always holds one at 0.60
 * or more, whatever is asked. There the article decides: a question about "Kestrel Bio" is not answered by an article
 * that never names it. Stateless.
 */
final class Calibration {
  /**
   * Cosine similarity from which a passage is shown as the answer even when it shares few words with the question:
   * it says the same thing in other words.
   */
  static final double STRONG_COSINE = 0.75;
  /**
   * Cosine similarity below which even the closest passage is unrelated to the question: nothing answers. Between
   * this and {@link #STRONG_COSINE} (and with too little word coverage) the passage is the closest match when its
   * article is about the question ({@link #isAboutQuestion}); a passage with enough word coverage is one anyway.
   */
  static final double RELATED_COSINE = 0.60;
  /** Share of the weight of the names a question names that its article must name for a closest match. */
  static final double NAMES_NAMED = 0.5;
  /**
   * Share of the weight of the question's concepts (words weighted by rarity) that its article must hold for a closest
   * match when the question names nothing.
   */
  static final double ARTICLE_COVERAGE = 0.3;

  /** A capitalised word after a lower-case word or a comma: a name, not a sentence's or headline's first word. */
  private static final Pattern NAME_WITHIN_SENTENCE = Pattern.compile("(?<=[\\p{Ll},] )(\\p{Lu}\\p{Ll}[\\p{L}\\p{N}]*)");

  private Calibration() {}

  /**
   * What the answer's article says about the question, beside its passage.
   *
   * @param articleCoverage share of the question's concept weight found anywhere in the article (title and body), 0
   *     to 1, NaN when unknown
   * @param namesNamed share of the weight of the names the question names (capitalised words other than its first,
   *     and names the synonyms know) that the article names in some form, NaN when the question names none
   */
  record ArticleEvidence(double articleCoverage, double namesNamed) {
    static final ArticleEvidence UNKNOWN = new ArticleEvidence(Double.NaN, Double.NaN);
  }

  /**
   * The confidence in a passage; keyword-only and filters-only questions as before vectors.
   *
   * @param coverage share of the question's weighted concepts it contains
   * @param cosine its similarity in meaning to the question, NaN when unknown (no vectors or no model)
   * @param article what its article holds of the question (only read when the cosine is known)
   * @param minCoverage the coverage from which words alone make a strong answer
   * @param hasContentWords whether the question has words to cover (a filters-only question is answered by them)
   */
  static Confidence of(
      double coverage, double cosine, ArticleEvidence article, double minCoverage, boolean hasContentWords) {
    if (!hasContentWords) {
      return Confidence.STRONG;
    }
    if (Double.isNaN(cosine)) {
      // Words alone, as before vectors: one threshold.
      return coverage >= minCoverage ? Confidence.STRONG : Confidence.NONE;
    }
    if (cosine >= STRONG_COSINE || (coverage >= minCoverage && cosine >= RELATED_COSINE)) {
      return Confidence.STRONG;
    }
    if (coverage >= minCoverage || (cosine >= RELATED_COSINE && isAboutQuestion(article))) {
      // Words alone still show the closest passage, as before vectors (and --min-coverage 0 shows every one).
      return Confidence.CLOSEST;
    }
    return Confidence.NONE;
  }

  /**
   * Whether an article is about what the question asks: when the question names something (a company, a product),
   * the article names at least half of it by weight; when it names nothing, the article holds at least 30% of the
   * question's concepts by weight. Unknown evidence counts as about it (as before).
   */
  static boolean isAboutQuestion(ArticleEvidence article) {
    if (!Double.isNaN(article.namesNamed())) {
      return article.namesNamed() >= NAMES_NAMED;
    }
    return Double.isNaN(article.articleCoverage()) || article.articleCoverage() >= ARTICLE_COVERAGE;
  }

  /**
   * What an article holds of a question.
   *
   * @param concepts the question's concepts with their weights in the whole archive
   * @param questionText the question as asked (capitalisation tells names)
   * @param articleText the article's title and body
   */
  static ArticleEvidence evidence(List<Concept> concepts, String questionText, String articleText, Synonyms synonyms) {
    Set<String> stems = new HashSet<>(TextAnalysis.stems(articleText));
    String firstWord = firstWord(questionText);
    // A question typed all in lower case ("did kestrel pick aws?") still names what the article spells as a name.
    Set<String> spelledAsNames =
        questionText.codePoints().anyMatch(Character::isUpperCase) ? Set.of() : namesWithin(articleText);
    double total = 0;
    double found = 0;
    double names = 0;
    double namesFound = 0;
    for (Concept concept : concepts) {
      total += concept.weight();
      if (concept.stems().stream().anyMatch(stems::contains)) {
        found += concept.weight();
      }
      List<String> forms = synonyms.formsOf(concept.label());
      if (isName(concept.label(), firstWord)
          || !forms.isEmpty()
          || concept.stems().stream().anyMatch(spelledAsNames::contains)) {
        names += concept.weight();
        if (isNamed(concept.label(), forms, stems)) {
          namesFound += concept.weight();
        }
      }
    }
    return new ArticleEvidence(
        total == 0 ? Double.NaN : found / total, names == 0 ? Double.NaN : namesFound / names);
  }

  /** A capitalised word other than the question's first (which is capitalised anyway). */
  private static boolean isName(String label, String firstWord) {
    return !label.isEmpty() && Character.isUpperCase(label.codePointAt(0)) && !label.equals(firstWord);
  }

  /** Whether the article holds every word of the name, or of one of its other forms. */
  private static boolean isNamed(String label, List<String> forms, Set<String> articleStems) {
    List<String> all = new ArrayList<>(forms.size() + 1);
    all.add(label);
    all.addAll(forms);
    for (String form : all) {
      List<String> formStems = TextAnalysis.stems(form);
      if (!formStems.isEmpty() && articleStems.containsAll(formStems)) {
        return true;
      }
    }
    return false;
  }

  /** Stems of the words a text spells as names: capitalised, within a sentence (not in an all-capitals headline). */
  private static Set<String> namesWithin(String text) {
    Set<String> names = new HashSet<>();
    Matcher name = NAME_WITHIN_SENTENCE.matcher(text);
    while (name.find()) {
      names.addAll(TextAnalysis.stems(name.group(1)));
    }
    return names;
  }

  private static String firstWord(String text) {
    String stripped = text.strip();
    int end = 0;
    while (end < stripped.length() && !Character.isWhitespace(stripped.charAt(end))) {
      end++;
    }
    return stripped.substring(0, end).replaceAll("[^\\p{L}\\p{N}&'’-]+$", "");
  }
}
