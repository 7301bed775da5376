package dev.dealarchive.semantic;

/** A question in other words than its answer, the passage that answers it and one that does not: for model tests. */
final class EmbeddingFixtures {
  static final String QUESTION = "Is Microsoft still OpenAI's only cloud provider?";
  static final String ANSWER =
      "Microsoft and OpenAI amend partnership\nMicrosoft remains OpenAI's primary cloud partner, but OpenAI may now"
          + " also use Amazon Bedrock and Google Cloud.";
  static final String UNRELATED =
      "Drugmaker licenses diagnostics test\nThe company will pay royalties on sales of the blood test in Europe.";

  private EmbeddingFixtures() {}
}
