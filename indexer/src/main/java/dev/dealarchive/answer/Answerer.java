package dev.dealarchive.answer;

import dev.dealarchive.eval.ScoredDoc;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.RelevanceTop;
import dev.dealarchive.search.SearchHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Answers questions: finds the articles that match a question's concepts best, then the passage within them that
 * answers it, and cites the article. Thread-safe.
 */
public final class Answerer {
  /** How many of the best-matching articles are read for a passage. */
  static final int CANDIDATES = 10;
  /** The tip shown when nothing answers. */
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
    String corrected = SpellingCorrector.correct(scoring.getIndexReader(), questionText);
    Question question = QuestionAnalyzer.analyze(corrected == null ? questionText : corrected);
    List<String> notices = question.query().notices();
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return new AskResult(questionText, corrected, null, List.of(), NO_ANSWER_TIP, notices, System.nanoTime() - started);
    }
    Synonyms names = synonyms.current();
    List<ConceptGroup> groups = Concepts.groups(question, names);
    List<Concept> concepts = Concepts.weighted(scoring.getIndexReader(), groups);
    Query query = KeywordQuery.build(question, groups, settings);
    int depth = Math.max(CANDIDATES, limit);
    TopDocs top = RelevanceTop.search(scoring, query, depth);
    List<Candidate> candidates = read(scoring, top, concepts, question);
    if (question.wantsRecent()) {
      Recency.preferRecent(candidates);
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
  public List<ScoredDoc> rank(IndexSearcher searcher, String questionText, int depth) throws IOException {
    IndexSearcher scoring = withSimilarity(searcher);
    Question question = QuestionAnalyzer.analyze(questionText);
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return List.of();
    }
    TopDocs top = RelevanceTop.search(scoring, KeywordQuery.build(question, Concepts.groups(question, synonyms.current()), settings), depth);
    StoredFields stored = scoring.storedFields();
    List<ScoredDoc> ranked = new ArrayList<>(top.scoreDocs.length);
    for (ScoreDoc doc : top.scoreDocs) {
      ranked.add(new ScoredDoc(stored.document(doc.doc, Set.of(ArchiveFields.ID)).get(ArchiveFields.ID), doc.score));
    }
    return ranked;
  }

  private IndexSearcher withSimilarity(IndexSearcher searcher) {
    IndexSearcher scoring = new IndexSearcher(searcher.getIndexReader());
    scoring.setSimilarity(similarity);
    scoring.setQueryCache(null);
    return scoring;
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
}
