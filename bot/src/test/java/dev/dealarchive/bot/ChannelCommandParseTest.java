package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelCommandParseTest {
  @Test
  void followTakesTheQueryWithSlacksEscapesUndone() {
    assertEquals(new SlashCommand.Follow("\"AT&T\" cloud source:Reuters"),
        SlashCommand.parse("follow \"AT&amp;T\" cloud source:Reuters"));
    assertTrue(((SlashCommand.Help) SlashCommand.parse("follow")).problem().contains("needs a query"));
  }

  @Test
  void unfollowTakesTheListedNumber() {
    assertEquals(new SlashCommand.Unfollow(2), SlashCommand.parse("unfollow 2"));
    assertEquals(new SlashCommand.Unfollow(3), SlashCommand.parse("unfollow #3"));
    assertInstanceOf(SlashCommand.Help.class, SlashCommand.parse("unfollow OpenAI"));
    assertEquals(new SlashCommand.Following(), SlashCommand.parse("following"));
  }

  @Test
  void digestTakesAPeriodAnOptionalQueryOrOff() {
    assertEquals(new SlashCommand.Digest("daily", ""), SlashCommand.parse("digest daily"));
    assertEquals(new SlashCommand.Digest("weekly", "OpenAI tag:cloud"), SlashCommand.parse("digest Weekly OpenAI tag:cloud"));
    assertEquals(new SlashCommand.Digest(null, ""), SlashCommand.parse("digest off"));
    assertInstanceOf(SlashCommand.Help.class, SlashCommand.parse("digest hourly"));
  }

  @Test
  void scopeShowsSetsOrClears() {
    assertEquals(new SlashCommand.Scope(null), SlashCommand.parse("scope"));
    assertEquals(new SlashCommand.Scope(""), SlashCommand.parse("scope clear"));
    assertEquals(new SlashCommand.Scope("source:Reuters tag:cloud"), SlashCommand.parse("scope source:Reuters tag:cloud"));
  }
}
