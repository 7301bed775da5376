package dev.dealarchive.answer;

import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArticleBlocks;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.LuceneQueries;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.ParsedQuery;
import dev.dealarchive.search.QueryPart;
import dev.dealarchive.search.RelevanceTop;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.TextAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CombinedFieldQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Answers questions: finds the articles that match a question's concepts best, then the passage within them that
 * answers it, and cites the article. Thread-safe.
 */
public final class Answerer {
  /** How many of the best-matching articles are read for a passage. */
  static final int CANDIDATES = 10;
  /** The tip shown when nothing answers. */
  private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
  /** Longest question that is spell-checked. */
  private static final int MAX_SPELLED_CHARS = 1_000;
  static final String NO_ANSWER_TIP =
      "Try fewer or other words, a company's full name, or `archive search` with a \"quoted phrase\".";

  private final SynonymSource synonyms;
  private final AnswerSettings settings;
  private final BM25Similarity similarity;

  public Answerer(SynonymSource synonyms, AnswerSettings settings) {
    this.synonyms = synonyms;
    this.settings = settings;
    this.similarity = new BM25Similarity(settings.k1(), settings.b());
  }

  /** Default settings and the index folder's editable synonyms (the shipped ones when it has none). */
  public static Answerer withDefaults(Path indexDir) {
    return withDefaults(indexDir, AnswerSettings.defaults());
  }

  /** The given settings and the index folder's editable synonyms (the shipped ones when it has none). */
  public static Answerer withDefaults(Path indexDir, AnswerSettings settings) {
    return new Answerer(SynonymSource.of(indexDir.resolve(Synonyms.FILE_NAME)), settings);
  }

  /** Answers {@code questionText} with at most {@code limit} articles, the answer's included. */
  public AskResult ask(IndexSearcher searcher, String questionText, int limit) throws IOException {
    long started = System.nanoTime();
    IndexSearcher scoring = withSimilarity(searcher);
    String corrected = correctSpelling(scoring.getIndexReader(), questionText);
    Question question = QuestionAnalyzer.withinBudget(
        QuestionAnalyzer.analyze(corrected == null ? questionText : corrected), scoring.getIndexReader());
    List<String> notices = question.query().notices();
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return new AskResult(questionText, corrected, null, List.of(), NO_ANSWER_TIP, notices, System.nanoTime() - started);
    }
    Synonyms names = synonyms.current();
    List<ConceptGroup> groups = conceptGroups(question, names);
    List<Concept> concepts = concepts(scoring.getIndexReader(), groups);
    Query query = query(question, groups);
    int depth = Math.max(CANDIDATES, limit);
    TopDocs top = RelevanceTop.search(scoring, query, depth);
    List<Candidate> candidates = read(scoring, top, concepts, question);
    if (question.wantsRecent()) {
      preferRecent(candidates);
    }
    Candidate best = null;
    for (Candidate candidate : candidates) {
      if (best == null || candidate.answerScore() > best.answerScore() + 1e-9) {
        best = candidate;
      }
    }
    Answer answer = null;
    List<SearchHit> hits = new ArrayList<>();
    boolean answers = best != null && (best.pick().coverage() >= settings.minCoverage() || question.contentWords().isEmpty());
    if (answers) {
      answer = new Answer(best.pick().text(), best.hit(), best.pick().coverage());
    }
    for (Candidate candidate : candidates) {
      if (hits.size() >= limit - (answer == null ? 0 : 1)) {
        break;
      }
      if (candidate != best || answer == null) {
        hits.add(candidate.hit());
      }
    }
    return new AskResult(
        questionText,
        corrected,
        answer,
        answers ? hits : List.of(),
        answers ? null : NO_ANSWER_TIP,
        notices,
        System.nanoTime() - started);
  }

  /**
   * The ranking of articles for a question, without passages: the first stage of {@link #ask}, for evaluation.
   */
  public List<ScoredArticle> rank(IndexSearcher searcher, String questionText, int depth) throws IOException {
    IndexSearcher scoring = withSimilarity(searcher);
    Question question = QuestionAnalyzer.withinBudget(QuestionAnalyzer.analyze(questionText), scoring.getIndexReader());
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return List.of();
    }
    TopDocs top = RelevanceTop.search(scoring, query(question, conceptGroups(question, synonyms.current())), depth);
    StoredFields stored = scoring.storedFields();
    List<ScoredArticle> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      ranked.add(new ScoredArticle(stored.document(doc.doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID), doc.score));
    }
    return ranked;
  }

  private IndexSearcher withSimilarity(IndexSearcher searcher) {
    IndexSearcher scoring = new IndexSearcher(searcher.getIndexReader());
    scoring.setSimilarity(similarity);
    scoring.setQueryCache(null);
    return scoring;
  }

  private record Candidate(SearchHit hit, PassagePicker.Pick pick, double retrieval, double answerScore) {
    Candidate withAnswerScore(double score) {
      return new Candidate(hit, pick, retrieval, score);
    }
  }

  private List<Candidate> read(IndexSearcher searcher, TopDocs top, List<Concept> concepts, Question question)
      throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    if (top.scoreDocs.length == 0) {
      return candidates;
    }
    double maxScore = Math.max(1e-9, top.scoreDocs[0].score);
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < top.scoreDocs.length; i++) {
      ScoreDoc scoreDoc = top.scoreDocs[i];
      Document doc = stored.document(scoreDoc.doc);
      PassagePicker.Pick pick;
      if (i < CANDIDATES) {
        pick = PassagePicker.pick(doc.get(ArchiveFields.BODY), concepts, question.type());
      } else {
        pick = new PassagePicker.Pick(MarkedText.plain(""), 0, 0);
      }
      if (pick.text().text().isEmpty()) {
        pick = new PassagePicker.Pick(MarkedText.plain(firstWords(doc.get(ArchiveFields.TITLE))), 0, 0);
      }
      double retrieval = scoreDoc.score / maxScore;
      SearchHit hit = ArticleSearch.hit(doc, scoreDoc.score, pick.text());
      candidates.add(new Candidate(hit, pick, retrieval, 0.6 * pick.score() + 0.4 * retrieval));
    }
    return candidates;
  }

  private static String firstWords(String text) {
    return text == null ? "" : text;
  }

  /** Among articles that match about as well as the best, newer ones first. */
  private static void preferRecent(List<Candidate> candidates) {
    List<Candidate> relevant = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.retrieval() >= 0.5) {
        relevant.add(candidate);
      }
    }
    relevant.sort(
        Comparator.comparing((Candidate c) -> c.hit().published(), Comparator.nullsLast(Comparator.reverseOrder())));
    for (int i = 0; i < relevant.size(); i++) {
      Candidate candidate = relevant.get(i);
      double bonus = 0.3 * (1.0 - (double) i / relevant.size());
      int at = candidates.indexOf(candidate);
      candidates.set(at, candidate.withAnswerScore(candidate.answerScore() + bonus));
    }
    candidates.sort(Comparator.comparingDouble(Candidate::answerScore).reversed());
  }

  /** The retrieval query: every concept optional but at least one required, near pairs rewarded. */
  Query query(Question question, List<ConceptGroup> groups) {
    ParsedQuery parsed = question.query();
    BooleanQuery.Builder words = new BooleanQuery.Builder();
    int clauses = 0;
    for (ConceptGroup group : groups) {
      Query groupQuery = group.query(settings);
      if (groupQuery != null) {
        words.add(groupQuery, Occur.SHOULD);
        clauses++;
      }
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    if (clauses > 0) {
      words.setMinimumNumberShouldMatch(1);
      query.add(words.build(), Occur.MUST);
    } else {
      query.add(ArticleBlocks.articles(), Occur.MUST);
    }
    List<String> stems = new ArrayList<>();
    for (String word : question.contentWords()) {
      stems.addAll(TextAnalysis.stems(word));
    }
    if (settings.proximityWeight() > 0) {
      for (int i = 0; i + 1 < stems.size(); i++) {
        if (!stems.get(i).equals(stems.get(i + 1))) {
          PhraseQuery pair =
              new PhraseQuery(settings.proximitySlop(), ArchiveFields.BODY, stems.get(i), stems.get(i + 1));
          query.add(new BoostQuery(pair, settings.proximityWeight()), Occur.SHOULD);
        }
      }
    }
    for (QueryPart part : parsed.excluded()) {
      Query excluded = LuceneQueries.part(part);
      if (excluded != null) {
        query.add(excluded, Occur.MUST_NOT);
      }
    }
    for (Query filter : LuceneQueries.filters(parsed)) {
      query.add(filter, Occur.FILTER);
    }
    return query.build();
  }

  /** A question word (or OR group, or phrase) with the aliases of the name it belongs to. */
  private record ConceptGroup(List<QueryPart> parts) {
    Query query(AnswerSettings settings) {
      return LuceneQueries.anyOf(parts, part -> partQuery(part, settings));
    }

  }

  static Query partQuery(QueryPart part, AnswerSettings settings) {
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    if (!part.phrase()) {
      List<String> stems = TextAnalysis.stems(part.text());
      if (!stems.isEmpty() && !part.titleOnly()) {
        // BM25F: title and body scored as one field with the title's term frequency weighted, so a word in both
        // is not counted twice and document length is the article's, not each field's. A word that analyzes to
        // several tokens ("TNF-alpha", "non-exclusive") scores each token, and more when they stand together.
        for (String stem : stems) {
          fields.add(
              new CombinedFieldQuery.Builder(stem)
                  .addField(ArchiveFields.TITLE, Math.max(1f, settings.titleBoost()))
                  .addField(ArchiveFields.BODY, 1f)
                  .build(),
              Occur.SHOULD);
        }
        if (stems.size() > 1) {
          fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.BODY, stems), 1f / stems.size()), Occur.SHOULD);
        }
        any = true;
      } else if (!stems.isEmpty()) {
        fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.TITLE, stems), settings.titleBoost()), Occur.SHOULD);
        any = true;
      }
    }
    List<String> exact = TextAnalysis.exact(part.text());
    if (!exact.isEmpty() && (part.phrase() || settings.exactBonus() > 0 || !any)) {
      float weight = any ? settings.exactBonus() : 1.0f;
      fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.TITLE_EXACT, exact), settings.titleBoost() * weight), Occur.SHOULD);
      if (!part.titleOnly()) {
        fields.add(LuceneQueries.boost(LuceneQueries.sequence(ArchiveFields.BODY_EXACT, exact), weight), Occur.SHOULD);
      }
      any = true;
    }
    return any ? fields.build() : null;
  }

  /**
   * Splits the question's words into concept groups: each required group of the query is one, except that a run
   * of plain words that names something with aliases becomes one group holding the name and its aliases.
   */
  private static List<ConceptGroup> conceptGroups(Question question, Synonyms names) {
    List<QueryPart.Group> groups = question.query().required();
    List<String> firstTokens = new ArrayList<>();
    List<Integer> tokenGroup = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      QueryPart.Group group = groups.get(g);
      if (group.alternatives().size() == 1 && !group.alternatives().get(0).phrase()) {
        for (String token : TextAnalysis.exact(group.alternatives().get(0).text())) {
          firstTokens.add(token);
          tokenGroup.add(g);
        }
      } else {
        firstTokens.add("\u0000");
        tokenGroup.add(g);
      }
    }
    List<ConceptGroup> result = new ArrayList<>();
    Set<Integer> used = new HashSet<>();
    for (Synonyms.Hit hit : names.find(firstTokens)) {
      int firstGroup = tokenGroup.get(hit.from());
      int lastGroup = tokenGroup.get(hit.to() - 1);
      boolean alignsWithWords =
          (hit.from() == 0 || tokenGroup.get(hit.from() - 1) != firstGroup)
              && (hit.to() == tokenGroup.size() || tokenGroup.get(hit.to()) != lastGroup);
      if (!alignsWithWords) {
        continue;
      }
      List<QueryPart> parts = new ArrayList<>();
      StringBuilder name = new StringBuilder();
      for (int g = firstGroup; g <= lastGroup; g++) {
        used.add(g);
        name.append(name.isEmpty() ? "" : " ").append(groups.get(g).alternatives().get(0).text());
      }
      parts.add(new QueryPart(name.toString(), lastGroup > firstGroup, false));
      for (List<String> alias : hit.alternatives()) {
        parts.add(new QueryPart(String.join(" ", alias), alias.size() > 1, false));
      }
      result.add(new ConceptGroup(parts));
    }
    for (int g = 0; g < groups.size(); g++) {
      if (!used.contains(g)) {
        result.add(new ConceptGroup(groups.get(g).alternatives()));
      }
    }
    return result;
  }

  /** The question's concepts with their weights, for passage choice. */
  private static List<Concept> concepts(IndexReader reader, List<ConceptGroup> groups) throws IOException {
    List<Concept> concepts = new ArrayList<>();
    long docs = Math.max(1, ArticleBlocks.countArticles(reader));
    for (ConceptGroup group : groups) {
      Set<String> stems = new LinkedHashSet<>();
      for (QueryPart part : group.parts()) {
        stems.addAll(TextAnalysis.stems(part.text()));
      }
      if (stems.isEmpty()) {
        continue;
      }
      double weight = 0;
      for (String stem : stems) {
        int df = reader.docFreq(new Term(ArchiveFields.BODY, stem));
        weight = Math.max(weight, Math.log(1 + (docs - df + 0.5) / (df + 0.5)));
      }
      concepts.add(new Concept(group.parts().get(0).text(), stems, weight));
    }
    return concepts;
  }

  /**
   * The question with misspelled words replaced by the closest indexed word, or {@code null} when every word is
   * known (or no close word exists).
   */
  static String correctSpelling(IndexReader reader, String question) throws IOException {
    // A slip is corrected in a short question; checking the thousands of words of a pasted text would take seconds.
    if (question == null || question.isBlank() || question.length() > MAX_SPELLED_CHARS) {
      return null;
    }
    DirectSpellChecker checker = new DirectSpellChecker();
    checker.setMinQueryLength(4);
    StringBuilder corrected = new StringBuilder();
    boolean changed = false;
    int at = 0;
    Matcher words = WORD.matcher(question);
    while (words.find()) {
      String word = words.group();
      String lower = word.toLowerCase(Locale.ROOT);
      corrected.append(question, at, words.start());
      at = words.end();
      String suggestion = null;
      if (isCorrectable(question, words.start(), words.end()) && !QuestionAnalyzer.FILLER.contains(lower)
          && !CommonWords.contains(lower) && !isKnownExactly(reader, lower)) {
        // Short words are one slip away from many others; allow them one edit only.
        checker.setMaxEdits(lower.length() <= 4 ? 1 : 2);
        SuggestWord[] suggestions =
            checker.suggestSimilar(
                new Term(ArchiveFields.BODY_EXACT, lower), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (suggestions.length > 0 && (isCompletion(lower, suggestions[0].string) || !isKnownStem(reader, lower))) {
          // A word whose stem is indexed ("deals") is an inflection, not a slip; only complete a cut-off one ("revenu").
          // Common English words never get here ("agree" is not cut off from "agreed").
          suggestion = suggestions[0].string;
        }
      }
      if (suggestion == null) {
        corrected.append(word);
      } else {
        corrected.append(suggestion);
        changed = true;
      }
    }
    corrected.append(question.substring(at));
    return changed ? corrected.toString() : null;
  }

  /** Whether {@code suggestion} completes a cut-off {@code word} ("revenu" to "revenue"). */
  private static boolean isCompletion(String word, String suggestion) {
    return suggestion.length() > word.length() && suggestion.startsWith(word);
  }

  /**
   * Whether the word at {@code [start, end)} may be spell-corrected: not a filter name ({@code source:}), not part
   * of a compound or code ({@code Dresser-Rand}, {@code A320}), not inside quotes, and not a capitalised word
   * after the first, which is more likely a name the archive does not know than a slip.
   */
  private static boolean isCorrectable(String question, int start, int end) {
    char before = start > 0 ? question.charAt(start - 1) : ' ';
    char after = end < question.length() ? question.charAt(end) : ' ';
    if (after == ':' || isJoiner(before) || isJoiner(after)) {
      return false;
    }
    if (countQuotesBefore(question, start) % 2 == 1) {
      return false;
    }
    boolean firstWord = question.substring(0, start).isBlank();
    return firstWord || !Character.isUpperCase(question.charAt(start));
  }

  private static boolean isJoiner(char c) {
    return c == '-' || c == '_' || c == '/' || c == '.' || c == '@' || Character.isDigit(c);
  }

  private static int countQuotesBefore(String text, int end) {
    int count = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '"') {
        count++;
      }
    }
    return count;
  }

  private static boolean isKnownStem(IndexReader reader, String lower) throws IOException {
    for (String stem : TextAnalysis.stems(lower)) {
      if (reader.docFreq(new Term(ArchiveFields.BODY, stem)) > 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean isKnownExactly(IndexReader reader, String lower) throws IOException {
    return reader.docFreq(new Term(ArchiveFields.BODY_EXACT, lower)) > 0
        || reader.docFreq(new Term(ArchiveFields.TITLE_EXACT, lower)) > 0;
  }
}
