package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.search.TextAnalysis;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
  private static final double MIN_COVERAGE = 0.5;
  private static final Calibration.ArticleEvidence OFF_SUBJECT = new Calibration.ArticleEvidence(0.1, 0.0);
  private static final Calibration.ArticleEvidence NAMES_THE_COMPANY = new Calibration.ArticleEvidence(0.1, 1.0);
  private static final Calibration.ArticleEvidence HOLDS_THE_WORDS = new Calibration.ArticleEvidence(0.4, Double.NaN);

  private static Concept concept(String label, double weight) {
    return new Concept(label, new HashSet<>(TextAnalysis.stems(label)), weight);
  }

  @Test
  void aCloseButOffSubjectPassageIsNothingWhenItsArticleNeverNamesTheCompanyAsked() {
    assertEquals(Confidence.NONE, Calibration.of(0.1, 0.66, OFF_SUBJECT, MIN_COVERAGE, true));
  }

  @Test
  void theSamePassageIsTheClosestMatchWhenItsArticleNamesTheCompanyOrHoldsTheQuestionsWords() {
    assertEquals(Confidence.CLOSEST, Calibration.of(0.1, 0.66, NAMES_THE_COMPANY, MIN_COVERAGE, true));
    assertEquals(Confidence.CLOSEST, Calibration.of(0.1, 0.66, HOLDS_THE_WORDS, MIN_COVERAGE, true));
  }

  @Test
  void aStrongAnswerStaysStrongWhateverItsArticleHolds() {
    assertEquals(Confidence.STRONG, Calibration.of(0.1, 0.80, OFF_SUBJECT, MIN_COVERAGE, true));
    assertEquals(Confidence.STRONG, Calibration.of(0.6, 0.62, OFF_SUBJECT, MIN_COVERAGE, true));
  }

  @Test
  void belowTheRelatedCosineNothingAnswersEvenInAnArticleAboutTheQuestion() {
    assertEquals(Confidence.NONE, Calibration.of(0.1, 0.55, NAMES_THE_COMPANY, MIN_COVERAGE, true));
  }

  @Test
  void enoughWordCoverageStillShowsTheClosestPassage() {
    assertEquals(Confidence.CLOSEST, Calibration.of(0.6, 0.50, OFF_SUBJECT, MIN_COVERAGE, true));
    assertEquals(Confidence.CLOSEST, Calibration.of(0.0, 0.40, OFF_SUBJECT, 0, true), "--min-coverage 0 shows any");
  }

  @Test
  void withoutVectorsTheCoverageThresholdAloneDecidesAsBefore() {
    assertEquals(Confidence.STRONG, Calibration.of(0.5, Double.NaN, OFF_SUBJECT, MIN_COVERAGE, true));
    assertEquals(Confidence.NONE, Calibration.of(0.49, Double.NaN, NAMES_THE_COMPANY, MIN_COVERAGE, true));
    assertEquals(
        Confidence.STRONG,
        Calibration.of(0.5, Double.NaN, Calibration.ArticleEvidence.UNKNOWN, MIN_COVERAGE, true));
  }

  @Test
  void aFiltersOnlyQuestionIsAnsweredByItsFilters() {
    assertEquals(Confidence.STRONG, Calibration.of(0, 0.1, OFF_SUBJECT, MIN_COVERAGE, false));
  }

  @Test
  void anArticleThatNeverNamesTheCompanyAskedAboutNamesNoneOfIt() {
    List<Concept> concepts = List.of(concept("Kestrel", 3), concept("cloud", 1), concept("provider", 1));
    Calibration.ArticleEvidence evidence =
        Calibration.evidence(
            concepts,
            "Is Kestrel still using one cloud provider?",
            "Nimbus picks a cloud provider\nNimbus Labs said on Monday its cloud provider is Azure.",
            Synonyms.none());
    assertEquals(0.0, evidence.namesNamed());
    assertEquals(0.4, evidence.articleCoverage(), 1e-9);
    assertTrue(!Calibration.isAboutQuestion(evidence), "the question names Kestrel, the article does not");
  }

  @Test
  void whenTheQuestionNamesSomethingTheNamesDecideNotTheOtherWords() {
    assertTrue(!Calibration.isAboutQuestion(new Calibration.ArticleEvidence(0.9, 0.0)));
    assertTrue(!Calibration.isAboutQuestion(new Calibration.ArticleEvidence(0.9, 0.4)));
    assertTrue(Calibration.isAboutQuestion(new Calibration.ArticleEvidence(0.0, 0.5)));
  }

  @Test
  void whenTheQuestionNamesNothingThirtyPercentOfItsWordsInTheArticleDecide() {
    assertTrue(Calibration.isAboutQuestion(new Calibration.ArticleEvidence(0.3, Double.NaN)));
    assertTrue(!Calibration.isAboutQuestion(new Calibration.ArticleEvidence(0.29, Double.NaN)));
    assertTrue(Calibration.isAboutQuestion(Calibration.ArticleEvidence.UNKNOWN));
  }

  @Test
  void aQuestionTypedInLowerCaseNamesWhatTheArticleSpellsAsANameWithinASentence() {
    List<Concept> concepts = List.of(concept("kestrel", 3), concept("jobs", 1));
    Calibration.ArticleEvidence evidence =
        Calibration.evidence(
            concepts,
            "which of kestrel's jobs moved?",
            "KESTREL BIO MOVES JOBS\nThe drugmaker Kestrel Bio moved its jobs.",
            Synonyms.none());
    assertEquals(1.0, evidence.namesNamed());
    Calibration.ArticleEvidence headlineOnly =
        Calibration.evidence(
            concepts, "which of kestrel's jobs moved?", "KESTREL MOVES JOBS\nKestrel jobs moved.", Synonyms.none());
    assertTrue(Double.isNaN(headlineOnly.namesNamed()), "a headline or a sentence's first word is no sign of a name");
  }

  @Test
  void aNameCountsAsNamedInAnyFormTheSynonymsKnow() {
    Synonyms synonyms = Synonyms.parse("Amazon, AMZN\nAmazon Web Services, AWS\n");
    List<Concept> concepts = List.of(concept("drugmaker", 2), concept("Amazon", 3));
    Calibration.ArticleEvidence evidence =
        Calibration.evidence(
            concepts,
            "Which drugmaker picked Amazon?",
            "Kestrel Bio moves to AWS\nKestrel Bio will run its protein design workloads on AWS only.",
            synonyms);
    assertEquals(1.0, evidence.namesNamed());
    assertTrue(Calibration.isAboutQuestion(evidence));
  }

  @Test
  void lowerCaseNamesTheSynonymsKnowAreNamesTooButTheFirstWordIsNot() {
    Synonyms synonyms = Synonyms.parse("Microsoft, MSFT\n");
    List<Concept> concepts = List.of(concept("microsoft", 2), concept("Cloud", 1));
    Calibration.ArticleEvidence evidence =
        Calibration.evidence(concepts, "Cloud deals of microsoft?", "Oracle\nOracle sells cloud capacity.", synonyms);
    assertEquals(0.0, evidence.namesNamed(), "microsoft is a name, Cloud (first word) is not");
    assertEquals(1.0 / 3, evidence.articleCoverage(), 1e-9);
  }

  @Test
  void aQuestionNamingNothingHasNoNameEvidence() {
    Calibration.ArticleEvidence evidence =
        Calibration.evidence(
            List.of(concept("statins", 3), concept("cholesterol", 2)),
            "do statins lower cholesterol?",
            "Heart drugs\nStatins lower cholesterol.",
            Synonyms.none());
    assertTrue(Double.isNaN(evidence.namesNamed()));
    assertEquals(1.0, evidence.articleCoverage(), 1e-9);
  }
}
