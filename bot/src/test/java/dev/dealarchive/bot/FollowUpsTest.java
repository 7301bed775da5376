package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpsTest {
  @Test
  void whatAboutReplacesTheLastNameOfTheEarlierQuestion() {
    assertEquals("Can OpenAI deploy its models on Google?",
        FollowUps.read(List.of("Can OpenAI deploy its models on Amazon?"), "what about Google?"));
    assertEquals("Can OpenAI deploy its models on Google Cloud?",
        FollowUps.read(List.of("Can OpenAI deploy its models on Amazon?"), "And Google Cloud?"));
  }

  @Test
  void followUpsChainThroughTheWholeConversation() {
    assertEquals("Can OpenAI deploy its models on Oracle?", FollowUps.read(
        List.of("Can OpenAI deploy its models on Amazon?", "what about Google?"), "how about Oracle?"));
  }

  @Test
  void aQuestionWithoutNamesGetsTheEarlierNamesAdded() {
    assertEquals("until when does the revenue share run? OpenAI Microsoft",
        FollowUps.read(List.of("What revenue share does OpenAI pay Microsoft?"),
            "until when does the revenue share run?"));
  }

  @Test
  void aQuestionThatNamesItsSubjectStandsAsAsked() {
    assertEquals("Who invests in Anthropic?",
        FollowUps.read(List.of("Can OpenAI deploy its models on Amazon?"), "Who invests in Anthropic?"));
    assertEquals("what about Google?", FollowUps.read(List.of(), "what about Google?"));
  }

  @Test
  void questionWordsAndPossessivesAreNotNames() {
    assertEquals(List.of("Microsoft", "OpenAI"), FollowUps.names("Is Microsoft OpenAI's only cloud provider?"));
  }
}
