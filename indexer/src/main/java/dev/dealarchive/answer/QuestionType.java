package dev.dealarchive.answer;

/** What kind of answer a question asks for, which decides the sentences that are preferred. */
public enum QuestionType {
  /** "how much", "how many", "what percentage": sentences with amounts. */
  AMOUNT,
  /** "when", "what year", "since when": sentences with dates. */
  DATE,
  /** "who", "which company": sentences naming organisations or people. */
  WHO,
  /** Anything else. */
  GENERAL
}
