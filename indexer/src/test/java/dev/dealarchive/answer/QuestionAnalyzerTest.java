package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionAnalyzerTest {

  @Test
  void questionWordsAndFillerDoNotDriveTheMatch() {
    Question question = QuestionAnalyzer.analyze("What revenue share does OpenAI pay Microsoft?");
    assertEquals(List.of("revenue", "share", "OpenAI", "pay", "Microsoft?"), question.contentWords());
  }

  @Test
  void tellMeAboutIsFiller() {
    assertEquals(List.of("Kestrel", "Bio"), QuestionAnalyzer.analyze("tell me about Kestrel Bio").contentWords());
  }

  @Test
  void howMuchAsksForAnAmount() {
    assertEquals(QuestionType.AMOUNT, QuestionAnalyzer.analyze("How much does OpenAI pay?").type());
    assertEquals(QuestionType.AMOUNT, QuestionAnalyzer.analyze("What percentage goes to Microsoft?").type());
  }

  @Test
  void whenAsksForADate() {
    assertEquals(QuestionType.DATE, QuestionAnalyzer.analyze("When did the licence become non-exclusive?").type());
  }

  @Test
  void moneyWordsAskForAnAmount() {
    assertEquals(QuestionType.AMOUNT, QuestionAnalyzer.analyze("What cut of the ad money goes to Brightfield?").type());
    assertEquals(QuestionType.AMOUNT, QuestionAnalyzer.analyze("What minimum outlay did Kestrel promise?").type());
    assertEquals(QuestionType.AMOUNT, QuestionAnalyzer.analyze("What does the freight company owe Vantor?").type());
  }

  @Test
  void howLongAsksForADuration() {
    assertEquals(QuestionType.DURATION, QuestionAnalyzer.analyze("How long does the licence run?").type());
    assertEquals(QuestionType.DATE, QuestionAnalyzer.analyze("Until when will Quarry buy chips?").type());
  }

  @Test
  void whereAsksForAPlaceAndWhyForACause() {
    assertEquals(QuestionType.PLACE, QuestionAnalyzer.analyze("Where will the joint venture find customers?").type());
    assertEquals(QuestionType.REASON, QuestionAnalyzer.analyze("Why did Microsoft and OpenAI rework their deal?").type());
  }

  @Test
  void whoAsksForNames() {
    assertEquals(QuestionType.WHO, QuestionAnalyzer.analyze("Which company invested in Kestrel?").type());
  }

  @Test
  void latestAsksForRecentArticles() {
    Question question = QuestionAnalyzer.analyze("latest news on cloud deals");
    assertTrue(question.wantsRecent());
    assertFalse(question.contentWords().contains("latest"));
    assertFalse(QuestionAnalyzer.analyze("cloud deals").wantsRecent());
  }

  @Test
  void queryLanguageWorksInsideQuestions() {
    Question question = QuestionAnalyzer.analyze("what did \"Helios Grid\" sign after:2026-01-01 source:Sample -draft");
    assertEquals(List.of("Helios Grid", "sign"), question.contentWords());
    assertEquals(Instant.parse("2026-01-02T00:00:00Z"), question.query().from());
    assertEquals(List.of("sample"), question.query().sources());
    assertEquals("draft", question.query().excluded().get(0).text());
  }

  @Test
  void questionOfOnlyCommonWordsKeepsThem() {
    assertFalse(QuestionAnalyzer.analyze("what is it?").contentWords().isEmpty());
  }
}
