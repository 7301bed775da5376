package dev.dealarchive.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dealarchive.eval.Qrels;
import dev.dealarchive.eval.Topic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The feedback log: {@value #FILE_NAME} in the index folder, one JSON object per line
 * ({@code time, user, question, article, passage, vote}), appended and forced to disk per click. Nothing is ever
 * rewritten, so a crash can at most tear the last line, which readers skip. A user's later click on the same answer
 * replaces their earlier vote when the log is read ({@link #answers}).
 */
public final class FeedbackLog {
  /** File name inside the index folder. */
  public static final String FILE_NAME = "feedback.jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  private FeedbackLog(Path file) {
    this.file = file;
  }

  /** The log of the index in {@code indexDir}; the file is created by the first {@link #append}. */
  public static FeedbackLog in(Path indexDir) {
    return new FeedbackLog(indexDir.resolve(FILE_NAME));
  }

  /** The log file. */
  public Path file() {
    return file;
  }

  /** Appends one click and forces it to disk. */
  public synchronized void append(FeedbackEntry entry) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("time", entry.time().toString());
    line.put("user", entry.user());
    line.put("question", entry.question());
    line.put("article", entry.articleId());
    line.put("passage", entry.passage());
    line.put("vote", entry.vote().name().toLowerCase(Locale.ROOT));
    byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
    }
  }

  /** Every readable click in the order made; unreadable lines (a torn last line) are skipped. */
  public synchronized List<FeedbackEntry> entries() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    List<FeedbackEntry> entries = new ArrayList<>();
    for (String line : lines) {
      FeedbackEntry entry = parse(line);
      if (entry != null) {
        entries.add(entry);
      }
    }
    return entries;
  }

  /**
   * The current votes per answer, counting each user's latest click on it, for answers voted on at or after
   * {@code since}: answers with the most "Not helpful" votes first, then the fewest "Helpful", then the latest vote.
   *
   * @param since earliest click counted, or {@code null} for all
   */
  public List<AnswerFeedback> answers(Instant since) throws IOException {
    Map<AnswerKey, Map<String, FeedbackEntry>> latest = latestVotes(since);
    List<AnswerFeedback> answers = new ArrayList<>();
    for (Map<String, FeedbackEntry> byUser : latest.values()) {
      FeedbackEntry last = byUser.values().stream().max(Comparator.comparing(FeedbackEntry::time)).orElseThrow();
      int helpful = (int) byUser.values().stream().filter(e -> e.vote() == Vote.HELPFUL).count();
      answers.add(new AnswerFeedback(last.question(), last.articleId(), last.passage(), helpful,
          byUser.size() - helpful, last.time()));
    }
    answers.sort(Comparator.comparingInt(AnswerFeedback::notHelpful).reversed()
        .thenComparingInt(AnswerFeedback::helpful)
        .thenComparing(AnswerFeedback::lastVote, Comparator.reverseOrder()));
    return answers;
  }

  /** The latest vote of {@code user} on one answer, if they voted on it. */
  public Optional<Vote> voteOf(String user, String question, String articleId) throws IOException {
    FeedbackEntry entry = latestVotes(null).getOrDefault(AnswerKey.of(question, articleId), Map.of()).get(user);
    return entry == null ? Optional.empty() : Optional.of(entry.vote());
  }

  /** The current tally of one answer: {@code [helpful, notHelpful]}. */
  public int[] tally(String question, String articleId) throws IOException {
    Map<String, FeedbackEntry> byUser = latestVotes(null).getOrDefault(AnswerKey.of(question, articleId), Map.of());
    int helpful = (int) byUser.values().stream().filter(e -> e.vote() == Vote.HELPFUL).count();
    return new int[] {helpful, byUser.size() - helpful};
  }

  /**
   * The log as relevance judgments for {@code archive eval}: one topic per question ({@code fb1}, {@code fb2}, ... in
   * order of first vote), and per question each voted article judged relevant (1) when more users found it helpful
   * than not, else non-relevant (0).
   */
  public Judgments judgments() throws IOException {
    Map<String, String> topicIds = new LinkedHashMap<>();
    List<Topic> topics = new ArrayList<>();
    Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
    for (AnswerFeedback answer : answers(null).stream().sorted(Comparator.comparing(AnswerFeedback::lastVote))
        .toList()) {
      String question = AnswerKey.of(answer.question(), answer.articleId()).question();
      String id = topicIds.computeIfAbsent(question, q -> {
        String next = "fb" + (topicIds.size() + 1);
        topics.add(new Topic(next, answer.question()));
        return next;
      });
      qrels.computeIfAbsent(id, k -> new LinkedHashMap<>())
          .put(answer.articleId(), answer.helpful() > answer.notHelpful() ? 1 : 0);
    }
    return new Judgments(topics, new Qrels(qrels));
  }

  /**
   * Feedback read as an evaluation's input.
   *
   * @param topics one per question voted on
   * @param qrels the judged articles per topic
   */
  public record Judgments(List<Topic> topics, Qrels qrels) {}

  private Map<AnswerKey, Map<String, FeedbackEntry>> latestVotes(Instant since) throws IOException {
    Map<AnswerKey, Map<String, FeedbackEntry>> latest = new LinkedHashMap<>();
    for (FeedbackEntry entry : entries()) {
      if (since != null && entry.time().isBefore(since)) {
        continue;
      }
      Map<String, FeedbackEntry> byUser = latest.computeIfAbsent(entry.answer(), k -> new LinkedHashMap<>());
      FeedbackEntry earlier = byUser.get(entry.user());
      if (earlier == null || !entry.time().isBefore(earlier.time())) {
        byUser.put(entry.user(), entry);
      }
    }
    return latest;
  }

  private static FeedbackEntry parse(String line) {
    if (line.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(line);
      String vote = node.path("vote").asText("");
      return new FeedbackEntry(Instant.parse(node.path("time").asText()), node.path("user").asText(""),
          node.path("question").asText(""), node.path("article").asText(""), node.path("passage").asText(""),
          Vote.valueOf(vote.toUpperCase(Locale.ROOT)));
    } catch (IOException | DateTimeParseException | IllegalArgumentException e) {
      return null;
    }
  }
}
