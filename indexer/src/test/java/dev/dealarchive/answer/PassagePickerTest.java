package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PassagePickerTest {
  private static final String BODY =
      "Microsoft and OpenAI announced a new agreement on April 28, 2026. "
          + "Microsoft remains the primary cloud partner of OpenAI. "
          + "OpenAI will pay Microsoft a revenue share capped at 20% through 2030. "
          + "The revenue share arrangement drew attention from regulators.";

  private static Concept concept(String stem, double weight) {
    return new Concept(stem, Set.of(stem), weight);
  }

  @Test
  void howMuchPrefersTheSentenceWithAnAmount() {
    List<Concept> concepts = List.of(concept("revenu", 2), concept("share", 2), concept("openai", 1), concept("microsoft", 1));
    PassagePicker.Pick pick = PassagePicker.pick(BODY, concepts, QuestionType.AMOUNT);
    assertTrue(pick.text().text().startsWith("OpenAI will pay Microsoft a revenue share capped at 20%"), pick.text().text());
    assertEquals(1.0, pick.coverage(), 1e-9);
  }

  @Test
  void whenPrefersTheSentenceWithADate() {
    List<Concept> concepts = List.of(concept("agreement", 2), concept("microsoft", 1), concept("openai", 1));
    PassagePicker.Pick pick = PassagePicker.pick(BODY, concepts, QuestionType.DATE);
    assertTrue(pick.text().text().startsWith("Microsoft and OpenAI announced a new agreement on April 28"), pick.text().text());
  }

  @Test
  void passageGrowsToANeighbourOnlyWhenItAddsConcepts() {
    String body = "Kestrel Bio signed a licence. The partner is Helios Grid. Weather was fine.";
    List<Concept> concepts = List.of(concept("kestrel", 2), concept("helio", 2));
    PassagePicker.Pick pick = PassagePicker.pick(body, concepts, QuestionType.GENERAL);
    assertEquals("**Kestrel** Bio signed a licence. The partner is **Helios** Grid.", pick.text().withStars());
  }

  @Test
  void coverageIsTheShareOfConceptWeightFound() {
    List<Concept> concepts = List.of(concept("kestrel", 3), concept("zebra", 1));
    PassagePicker.Pick pick = PassagePicker.pick("Kestrel Bio signed a licence.", concepts, QuestionType.GENERAL);
    assertEquals(0.75, pick.coverage(), 1e-9);
  }

  @Test
  void howLongPrefersTheSentenceWithALengthOfTime() {
    String body = "Kestrel Bio moves protein design to AWS. A Kestrel Bio design run takes nine days.";
    List<Concept> concepts = List.of(concept("kestrel", 1), concept("design", 1));
    PassagePicker.Pick pick = PassagePicker.pick(body, concepts, QuestionType.DURATION);
    assertTrue(pick.text().text().startsWith("A Kestrel Bio design run takes nine days"), pick.text().text());
    assertTrue(PassagePicker.pick(body, concepts, QuestionType.GENERAL).text().text().startsWith("Kestrel Bio moves"));
  }

  @Test
  void whyPrefersTheSentenceGivingACause() {
    String body = "Microsoft and OpenAI changed their partnership. Microsoft and OpenAI follow regulatory pressure.";
    List<Concept> concepts = List.of(concept("microsoft", 1), concept("openai", 1));
    PassagePicker.Pick pick = PassagePicker.pick(body, concepts, QuestionType.REASON);
    assertTrue(pick.text().text().startsWith("Microsoft and OpenAI follow regulatory"), pick.text().text());
  }

  @Test
  void whereCountsPlacesTheQuestionDoesNotName() {
    assertEquals(1.0, PassagePicker.hasKind("The venture expects customers in the Nordic countries.", QuestionType.PLACE, Set.of()));
    assertEquals(0.0, PassagePicker.hasKind("The venture sells forecasts.", QuestionType.PLACE, Set.of()));
  }
}
