package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The words and digits that let the answer-kind patterns skip a sentence never hide a sentence of the kind. */
class TextTriggersTest {
  private static final List<String> SENTENCES =
      List.of(
          "OpenAI pays Microsoft a capped 20% revenue share through 2030.",
          "The IP licence is non-exclusive through 2032.",
          "It paid $4.5 bln for the unit.",
          "Kestrel sold a minority STAKE to Helios.",
          "Half share goes to the founders.",
          "The deal was signed on Dec. 5 in Lyon.",
          "Shares rose on MONDAY after the news.",
          "They agreed yesterday.",
          "Results for Q3 were weak.",
          "The talks took several weeks.",
          "A two-year contract was signed.",
          "The plant runs until the end of 2027.",
          "It was cut because of pressure from investors.",
          "Prices fell AMID a glut, owing to weak demand.",
          "The company moved to Comply with the rules.",
          "Following the merger, staff left.",
          "Microsoft and OpenAI restructured their partnership.",
          "No figure was given for the agreement.",
          "The licence covers the partners' models.",
          "İstanbul and the Kelvin \u212A sign are not ASCII letters.");

  @Test
  void aSentenceOfTheAskedKindAlwaysHoldsATrigger() {
    int ofKind = 0;
    for (QuestionType type : List.of(QuestionType.AMOUNT, QuestionType.DATE, QuestionType.DURATION, QuestionType.REASON)) {
      for (String sentence : SENTENCES) {
        String text = "Intro line here. " + sentence + " Closing words.";
        int start = text.indexOf(sentence);
        int end = start + sentence.length();
        TextTriggers triggers = PassagePicker.triggers(type, text, text.length());
        if (PassagePicker.hasKind(sentence, type, Set.of()) > 0) {
          ofKind++;
          assertTrue(triggers.within(start, end), type + ": " + sentence);
        }
      }
    }
    assertTrue(ofKind >= 20, "sentences of a kind: " + ofKind);
  }

  @Test
  void rangesWithoutTriggersAreToldApartFromRangesWithThem() {
    String text = "Nothing here. Paid 20 dollars. The Share went up. Plain words again.";
    TextTriggers triggers = TextTriggers.of(text, text.length(), true, List.of("share"));
    assertFalse(triggers.within(0, 13));
    assertTrue(triggers.within(14, 30));
    assertTrue(triggers.within(31, 49));
    assertFalse(triggers.within(50, text.length()));
    // A word cut by the range's end does not count.
    assertFalse(triggers.within(31, 38));
    assertEquals(true, triggers.within(0, text.length() + 5), "past the limit: read as holding one");
    TextTriggers none = TextTriggers.of("Plain words, no figures.", 24, false, List.of("note", "written"));
    assertFalse(none.within(0, 11));
    assertTrue(none.within(0, 30), "past the limit: read as holding one");
    assertTrue(TextTriggers.of("An Editor's NOTE.", 17, false, List.of("note")).within(0, 17));
  }
}
