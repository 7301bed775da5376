package dev.dealarchive.answer;

/** What kind of answer a question asks for, which decides the sentences that are preferred. */
public enum QuestionType {
  /** "how much", "how many", "what percentage", "what cut": sentences with amounts. */
  AMOUNT,
  /** "when", "what year", "since when": sentences with dates. */
  DATE,
  /** "how long", "for how long": sentences with a length of time or an end date. */
  DURATION,
  /** "where": sentences naming a place. */
  PLACE,
  /** "why": sentences giving a cause. */
  REASON,
  /** "who", "which company": sentences naming organisations or people. */
  WHO,
  /** Anything else. */
  GENERAL
}
