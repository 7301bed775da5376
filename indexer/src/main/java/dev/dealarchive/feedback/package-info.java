/**
 * What people said about answers: the feedback log in the index folder ({@link dev.dealarchive.feedback.FeedbackLog}),
 * written by the Slack bot's "Helpful" / "Not helpful" buttons, listed by {@code archive feedback} and read by
 * {@code archive eval --feedback} as relevance judgments.
 */
package dev.dealarchive.feedback;
