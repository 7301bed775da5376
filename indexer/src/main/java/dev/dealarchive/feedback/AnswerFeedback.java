package dev.dealarchive.feedback;

import java.time.Instant;

/**
 * The current votes on one answer, each user's latest click counted once.
 *
 * @param question the question as last asked
 * @param articleId the article quoted
 * @param passage the passage last shown
 * @param helpful users whose latest vote is "Helpful"
 * @param notHelpful users whose latest vote is "Not helpful"
 * @param lastVote the latest click on this answer
 */
public record AnswerFeedback(
    String question, String articleId, String passage, int helpful, int notHelpful, Instant lastVote) {}
