package dev.dealarchive.answer;

import dev.dealarchive.article.Article;
import dev.dealarchive.hybrid.HybridReranker;
import dev.dealarchive.hybrid.HybridSettings;
import dev.dealarchive.hybrid.QueryEmbedder;
import dev.dealarchive.hybrid.RetrievalMode;
import dev.dealarchive.hybrid.SemanticSide;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.Passages;
import dev.dealarchive.search.ScoredArticle;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.StoredSentences;
import dev.dealarchive.search.TextAnalysis;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.similarities.BM25Similarity;

/**
 * Answers questions: finds the articles that match a question best, by words and by meaning, then the passage within
 * them that answers it, and cites the article. The one entry point of the package; the steps are its other classes
 * (see the package description). Thread-safe.
 *
 * <p>It reads the index through {@link AnswerIndex} (article count, term statistics, close words, the best articles
 * of a keyword query), so a cluster answers with the same engine ({@link #ask(AnswerIndex, String, int)}). Meaning
 * needs passage vectors: those of the embedded index, or a cluster's that it searches itself ({@link
 * AnswerIndex#searchesByMeaning}); on an index without vectors or without a model, the articles are ranked by words
 * alone.
 */
public final class Answerer {
  /** How many of the best-matching articles are read for a passage. */
  static final int CANDIDATES = 10;
  /** The tip shown when nothing answers. */
  static final String NO_ANSWER_TIP =
      "Try fewer or other words, a company's full name, or `archive search` with a \"quoted phrase\".";
  /** Weight, within an article, of a question concept its title names, against one it does not. */
  static final double TITLE_CONCEPT_WEIGHT = 0.3;
  /** Share of the passage's score in an article's answer score; the rest is how well the article was retrieved. */
  static final double PASSAGE_SHARE = 0.6;

  private final SynonymSource synonyms;
  private final AnswerSettings settings;
  private final HybridSettings hybrid;
  private final QueryEmbedder embedder;
  private final BM25Similarity similarity;

  /**
   * @param embedder the model for questions; its owner closes it
   */
  public Answerer(SynonymSource synonyms, AnswerSettings settings, HybridSettings hybrid, QueryEmbedder embedder) {
    this.synonyms = synonyms;
    this.settings = settings;
    this.hybrid = hybrid;
    this.embedder = embedder;
    this.similarity = new BM25Similarity(settings.k1(), settings.b());
  }

  /** Words alone. */
  public Answerer(SynonymSource synonyms, AnswerSettings settings) {
    this(synonyms, settings, HybridSettings.defaults().withMode(RetrievalMode.KEYWORD), QueryEmbedder.none());
  }

  /** Default settings and the index folder's editable synonyms (the shipped ones when it has none); words alone. */
  public static Answerer withDefaults(Path indexDir) {
    return withDefaults(indexDir, AnswerSettings.defaults());
  }

  /** The given settings and the index folder's editable synonyms (the shipped ones when it has none); words alone. */
  public static Answerer withDefaults(Path indexDir, AnswerSettings settings) {
    return new Answerer(SynonymSource.of(indexDir.resolve(Synonyms.FILE_NAME)), settings);
  }

  /** The given settings, the index folder's synonyms, and meaning as well as words when the index has vectors. */
  public static Answerer withDefaults(
      Path indexDir, AnswerSettings settings, HybridSettings hybrid, QueryEmbedder embedder) {
    return new Answerer(SynonymSource.of(indexDir.resolve(Synonyms.FILE_NAME)), settings, hybrid, embedder);
  }

  /** The synonyms questions are answered with now: another object once an edited synonyms file has been read. */
  public Synonyms synonymsInForce() {
    return synonyms.current();
  }

  /** Answers {@code questionText} with at most {@code limit} articles, the answer's included. */
  public AskResult ask(IndexSearcher searcher, String questionText, int limit) throws IOException {
    return ask(new LuceneAnswerIndex(searcher), questionText, limit);
  }

  /**
   * Answers {@code questionText} from {@code index} (the embedded index, or a cluster running the same queries) with
   * at most {@code limit} articles, the answer's included. Ranked by meaning as well where the index has vectors.
   */
  public AskResult ask(AnswerIndex index, String questionText, int limit) throws IOException {
    long started = System.nanoTime();
    String corrected = SpellingCorrector.correct(index, questionText);
    String asked = corrected == null ? questionText : corrected;
    Question question = QuestionAnalyzer.withinBudget(QuestionAnalyzer.analyze(asked), index::docFreq);
    List<String> notices = question.query().notices();
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return new AskResult(questionText, corrected, null, List.of(), NO_ANSWER_TIP, notices, System.nanoTime() - started);
    }
    List<ConceptGroup> groups = Concepts.groups(question, synonyms.current());
    List<Concept> concepts = Concepts.weighted(index, groups);
    int depth = Math.max(CANDIDATES, limit);
    IndexSearcher scoring = index instanceof LuceneAnswerIndex lucene ? withSimilarity(lucene.searcher()) : null;
    float[] vector = scoring == null ? vector(index, asked, hybrid.mode()) : vector(scoring, asked, hybrid.mode());
    List<Candidate> candidates;
    if (vector == null) {
      List<ArticleRanker.RankedArticle> ranked =
          ArticleRanker.keyword(index, question, groups, depth, settings, similarity);
      candidates = read(ranked, concepts, question, Map.of());
    } else if (scoring == null) {
      List<ArticleRanker.RankedArticle> ranked =
          ArticleRanker.rank(index, question, groups, vector, depth, settings, hybrid, similarity);
      List<String> read = ranked.stream().limit(CANDIDATES).map(found -> found.article().id()).toList();
      candidates = read(ranked, concepts, question, index.passages(read, vector));
    } else {
      List<ArticleRanker.Ranked> ranked =
          ArticleRanker.rank(scoring, question, groups, vector, depth, settings, hybrid);
      candidates = read(scoring, ranked, concepts, question, vector);
    }
    if (question.wantsRecent()) {
      Recency.preferRecent(candidates);
    }
    Candidate best = null;
    for (Candidate candidate : candidates) {
      if (best == null || candidate.answerScore() > best.answerScore() + 1e-9) {
        best = candidate;
      }
    }
    Calibration.ArticleEvidence evidence =
        best == null || vector == null
            ? Calibration.ArticleEvidence.UNKNOWN
            : Calibration.evidence(concepts, question.text(), best.articleText(), synonyms.current());
    Confidence confidence =
        best == null
            ? Confidence.NONE
            : Calibration.of(
                best.pick().coverage(),
                best.pick().similarity(),
                evidence,
                settings.minCoverage(),
                !question.contentWords().isEmpty());
    Answer answer = null;
    if (confidence != Confidence.NONE) {
      answer = new Answer(
          best.pick().text(),
          best.hit(),
          best.pick().coverage(),
          best.pick().similarity(),
          confidence,
          evidence.articleCoverage(),
          evidence.namesNamed());
    }
    List<SearchHit> hits = new ArrayList<>();
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
        answer != null ? hits : List.of(),
        answer != null ? null : NO_ANSWER_TIP,
        notices,
        System.nanoTime() - started);
  }

  /**
   * The ranking of articles for a question, without passages: the first stage of {@link #ask}, for evaluation.
   * Ranked as configured (hybrid by default, words alone without vectors).
   */
  public List<ScoredArticle> rank(IndexSearcher searcher, String questionText, int depth) throws IOException {
    return rank(searcher, questionText, depth, hybrid.mode());
  }

  /**
   * The ranking of articles for a question by the given evidence. {@link RetrievalMode#SEMANTIC} on an index without
   * vectors (or without a model) ranks nothing; {@link RetrievalMode#HYBRID} then ranks by words.
   */
  public List<ScoredArticle> rank(IndexSearcher searcher, String questionText, int depth, RetrievalMode mode)
      throws IOException {
    IndexSearcher scoring = withSimilarity(searcher);
    Question question = QuestionAnalyzer.withinBudget(QuestionAnalyzer.analyze(questionText), scoring.getIndexReader());
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return List.of();
    }
    float[] vector = vector(scoring, questionText, mode);
    if (mode == RetrievalMode.SEMANTIC && vector == null) {
      return List.of();
    }
    List<ConceptGroup> groups = Concepts.groups(question, synonyms.current());
    List<ArticleRanker.Ranked> ranked =
        ArticleRanker.rank(scoring, question, groups, vector, depth, settings, hybrid.withMode(mode));
    StoredFields stored = scoring.storedFields();
    List<ScoredArticle> result = new ArrayList<>(ranked.size());
    for (ArticleRanker.Ranked doc : ranked) {
      result.add(new ScoredArticle(stored.document(doc.doc(), Set.of(ArchiveFields.ID)).get(ArchiveFields.ID), doc.score()));
    }
    return result;
  }

  /**
   * The ranking of articles for a question from {@code index}: as configured where the index has vectors (the
   * embedded one's, or a cluster's it searches itself), by words alone on any other.
   */
  public List<ScoredArticle> rank(AnswerIndex index, String questionText, int depth) throws IOException {
    if (index instanceof LuceneAnswerIndex lucene) {
      return rank(lucene.searcher(), questionText, depth);
    }
    Question question = QuestionAnalyzer.withinBudget(QuestionAnalyzer.analyze(questionText), index::docFreq);
    if (question.contentWords().isEmpty() && !question.query().hasFilters()) {
      return List.of();
    }
    List<ConceptGroup> groups = Concepts.groups(question, synonyms.current());
    float[] vector = vector(index, questionText, hybrid.mode());
    List<ArticleRanker.RankedArticle> ranking =
        vector == null
            ? ArticleRanker.keyword(index, question, groups, depth, settings, similarity)
            : ArticleRanker.rank(index, question, groups, vector, depth, settings, hybrid, similarity);
    List<ScoredArticle> result = new ArrayList<>();
    for (ArticleRanker.RankedArticle ranked : ranking) {
      result.add(new ScoredArticle(ranked.article().id(), ranked.score()));
    }
    return result;
  }

  /** The question's vector, or {@code null} for words alone (asked so, no vectors in the index, or no model). */
  private float[] vector(IndexSearcher searcher, String questionText, RetrievalMode mode) throws IOException {
    if (mode == RetrievalMode.KEYWORD || !SemanticSide.hasVectors(searcher) || !embedder.isAvailable()) {
      return null;
    }
    Optional<float[]> vector = embedder.embed(HybridReranker.meaningText(questionText));
    return vector.orElse(null);
  }

  /** The question's vector for an index that searches by meaning itself, or {@code null} for words alone. */
  private float[] vector(AnswerIndex index, String questionText, RetrievalMode mode) throws IOException {
    if (mode == RetrievalMode.KEYWORD || !embedder.isAvailable() || !index.searchesByMeaning()) {
      return null;
    }
    return embedder.embed(HybridReranker.meaningText(questionText)).orElse(null);
  }

  private IndexSearcher withSimilarity(IndexSearcher searcher) {
    IndexSearcher scoring = new IndexSearcher(searcher.getIndexReader());
    scoring.setSimilarity(similarity);
    scoring.setQueryCache(null);
    return scoring;
  }

  private List<Candidate> read(
      IndexSearcher searcher, List<ArticleRanker.Ranked> ranked, List<Concept> concepts, Question question, float[] vector)
      throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    if (ranked.isEmpty()) {
      return candidates;
    }
    double maxScore = Math.max(1e-9, ranked.get(0).score());
    StoredFields stored = searcher.storedFields();
    for (int i = 0; i < ranked.size(); i++) {
      ArticleRanker.Ranked article = ranked.get(i);
      Document doc = stored.document(article.doc());
      List<SemanticSide.StoredPassage> meaning =
          vector == null || i >= CANDIDATES ? List.of() : SemanticSide.passages(searcher, stored, article.doc(), vector);
      double retrieval = Math.max(0, article.score()) / maxScore;
      candidates.add(
          candidate(doc, article.score(), retrieval, article.relevance(), i < CANDIDATES, concepts, question, meaning));
    }
    return candidates;
  }

  /**
   * Candidates from the articles an {@link AnswerIndex} returned: ranked by words alone ({@code meaning} empty), or by
   * words and meaning with the passages' similarities of the articles read for a passage, by article id.
   */
  private static List<Candidate> read(
      List<ArticleRanker.RankedArticle> ranked,
      List<Concept> concepts,
      Question question,
      Map<String, List<SemanticSide.StoredPassage>> meaning) {
    List<Candidate> candidates = new ArrayList<>();
    if (ranked.isEmpty()) {
      return candidates;
    }
    double maxScore = Math.max(1e-9, ranked.get(0).score());
    for (int i = 0; i < ranked.size(); i++) {
      ArticleRanker.RankedArticle found = ranked.get(i);
      Article article = found.article();
      List<SemanticSide.StoredPassage> passages =
          i < CANDIDATES ? meaning.getOrDefault(article.id(), List.of()) : List.of();
      // As for a stored article (candidate()): with meaning, concepts weigh as they tell its sentences apart.
      List<Concept> weighted = passages.isEmpty() ? concepts : withinArticle(concepts, article.title());
      PassagePicker.Pick pick =
          i < CANDIDATES
              ? PassagePicker.pick(article.body(), found.sentences(), weighted, question.type(), passages)
              : new PassagePicker.Pick(MarkedText.plain(""), 0, 0);
      if (pick.text().text().isEmpty()) {
        pick = new PassagePicker.Pick(MarkedText.plain(article.title() == null ? "" : article.title()), 0, 0, pick.similarity());
      }
      double retrieval = Math.max(0, found.score()) / maxScore;
      SearchHit hit = SearchHit.of(article, (float) found.score(), pick.text());
      candidates.add(new Candidate(
          hit,
          pick,
          retrieval,
          found.relevance(),
          PASSAGE_SHARE * pick.score() + (1 - PASSAGE_SHARE) * retrieval,
          article.title(),
          article.body()));
    }
    return candidates;
  }


  private static Candidate candidate(
      Document doc,
      double score,
      double retrieval,
      double relevance,
      boolean read,
      List<Concept> concepts,
      Question question,
      List<SemanticSide.StoredPassage> meaning) {
    List<Concept> weighted = meaning.isEmpty() ? concepts : withinArticle(concepts, doc.get(ArchiveFields.TITLE));
    PassagePicker.Pick pick =
        read ? pick(doc, weighted, question.type(), meaning) : new PassagePicker.Pick(MarkedText.plain(""), 0, 0);
    if (pick.text().text().isEmpty()) {
      String title = doc.get(ArchiveFields.TITLE);
      pick = new PassagePicker.Pick(MarkedText.plain(title == null ? "" : title), 0, 0, pick.similarity());
    }
    SearchHit hit = ArticleSearch.hit(doc, (float) score, pick.text());
    return new Candidate(
        hit,
        pick,
        retrieval,
        relevance,
        PASSAGE_SHARE * pick.score() + (1 - PASSAGE_SHARE) * retrieval,
        doc.get(ArchiveFields.TITLE),
        doc.get(ArchiveFields.BODY));
  }

  /** The passage of a stored article, with the sentences stored at indexing when it has them. */
  private static PassagePicker.Pick pick(
      Document doc, List<Concept> concepts, QuestionType type, List<SemanticSide.StoredPassage> meaning) {
    String body = doc.get(ArchiveFields.BODY);
    List<Passages.Sentence> sentences = StoredSentences.of(doc, body);
    return PassagePicker.pick(body, sentences, concepts, type, meaning);
  }

  /**
   * The concepts as they tell the sentences of one article apart: a concept its title already names (the companies
   * of the deal, mostly) is in most of its sentences, so it weighs less there; meaning decides more instead.
   */
  static List<Concept> withinArticle(List<Concept> concepts, String title) {
    if (title == null || title.isBlank()) {
      return concepts;
    }
    Set<String> titleStems = new HashSet<>(TextAnalysis.stems(title));
    List<Concept> weighted = new ArrayList<>(concepts.size());
    for (Concept concept : concepts) {
      boolean named = concept.stems().stream().anyMatch(titleStems::contains);
      weighted.add(named ? new Concept(concept.label(), concept.stems(), concept.weight() * TITLE_CONCEPT_WEIGHT) : concept);
    }
    return weighted;
  }
}
