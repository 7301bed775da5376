package dev.dealarchive.generate;

import dev.dealarchive.answer.AskResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Written answers: the one entry point of this package.
 *
 * <pre>{@code
 * try (WrittenAnswers writer = WrittenAnswers.fromEnvironment(System.getenv()).orElseThrow()) {
 *   Generation generation = writer.write(archive.ask(question, 5));
 * }
 * }</pre>
 *
 * Thread-safe; one instance serves a process.
 */
public final class WrittenAnswers implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WrittenAnswers.class);

  private final ChatClient client;
  private final int budgetChars;

  public WrittenAnswers(LlmSettings settings) {
    this(new ChatClient(settings), GroundedPrompt.DEFAULT_BUDGET_CHARS);
  }

  WrittenAnswers(ChatClient client, int budgetChars) {
    this.client = client;
    this.budgetChars = budgetChars;
  }

  /**
   * Written answers as the {@code ARCHIVE_LLM_*} variables configure them.
   *
   * @return empty when {@code ARCHIVE_LLM_URL} is unset: no network call is ever made
   * @throws LlmConfigException naming a malformed or missing variable
   */
  public static Optional<WrittenAnswers> fromEnvironment(Map<String, String> environment) {
    return LlmSettings.fromEnvironment(environment).map(WrittenAnswers::new);
  }

  /** The model requests are sent to. */
  public String model() {
    return client.settings().model();
  }

  /**
   * Asks the model to answer {@code result}'s question from {@code result}'s passages.
   *
   * @return a written answer whose every sentence cites a passage sent, or the reason there is none; never throws
   *     for the model's failures
   */
  public Generation write(AskResult result) {
    GroundedPrompt prompt = GroundedPrompt.of(result, budgetChars);
    if (prompt.passages().isEmpty()) {
      return Generation.fallback("no passage in the archive to write an answer from");
    }
    ChatReply reply;
    try {
      reply = client.complete(prompt.messages());
    } catch (LlmException e) {
      LOG.warn("written answer unavailable: {}", e.getMessage());
      return Generation.fallback(e.getMessage());
    }
    String text = reply.text().strip();
    if (text.isEmpty() || text.startsWith(GroundedPrompt.NO_ANSWER)) {
      return Generation.fallback("the model found no answer in the passages");
    }
    Optional<Citations.Checked> checked = Citations.check(text, prompt.passages().size());
    if (checked.isEmpty()) {
      LOG.warn("written answer discarded: no sentence cites a passage that was sent");
      return Generation.fallback("the model's answer cited no passage of the archive");
    }
    List<Citation> citations = new ArrayList<>();
    for (int n : checked.get().cited()) {
      citations.add(new Citation(n, prompt.passages().get(n - 1).article()));
    }
    String notice =
        checked.get().dropped() == 0
            ? null
            : checked.get().dropped() == 1
                ? "1 sentence of the written answer cited no passage and was left out"
                : checked.get().dropped() + " sentences of the written answer cited no passage and were left out";
    return Generation.written(new WrittenAnswer(checked.get().text(), citations, reply.model()), notice);
  }

  @Override
  public void close() {
    client.close();
  }
}
