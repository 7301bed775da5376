package dev.dealarchive.generate;

/**
 * What the model answered.
 *
 * @param text the first choice's message content
 * @param model the model that answered, as the API names it (the configured name when the API does not say)
 */
public record ChatReply(String text, String model) {}
