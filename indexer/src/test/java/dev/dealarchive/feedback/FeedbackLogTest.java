package dev.dealarchive.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.cli.ArchiveCommand;
import dev.dealarchive.indexing.ArchiveIndexer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackLogTest {
  @TempDir Path indexDir;

  private FeedbackEntry vote(String time, String user, String question, String article, Vote vote) {
    return new FeedbackEntry(Instant.parse(time), user, question, article, "passage of " + article, vote);
  }

  @Test
  void latestVoteOfEachUserCountsAndWorstAnswersComeFirst() throws Exception {
    FeedbackLog log = FeedbackLog.in(indexDir);
    log.append(vote("2026-05-01T10:00:00Z", "U1", "Is Azure exclusive?", "good", Vote.HELPFUL));
    log.append(vote("2026-05-01T10:01:00Z", "U1", "Is Azure exclusive?", "bad", Vote.HELPFUL));
    log.append(vote("2026-05-01T10:02:00Z", "U1", "is  azure EXCLUSIVE?", "bad", Vote.NOT_HELPFUL));
    log.append(vote("2026-05-01T10:03:00Z", "U2", "Is Azure exclusive?", "bad", Vote.NOT_HELPFUL));

    List<AnswerFeedback> answers = log.answers(null);

    assertEquals(List.of("bad", "good"), answers.stream().map(AnswerFeedback::articleId).toList());
    assertEquals(2, answers.get(0).notHelpful());
    assertEquals(0, answers.get(0).helpful());
    assertEquals(Vote.NOT_HELPFUL, log.voteOf("U1", "Is Azure exclusive?", "bad").orElseThrow());
    assertEquals(List.of(1, 0), List.of(log.tally("Is Azure exclusive?", "good")[0],
        log.tally("Is Azure exclusive?", "good")[1]));
  }

  @Test
  void sinceLeavesEarlierVotesOutAndATornLastLineIsSkipped() throws Exception {
    FeedbackLog log = FeedbackLog.in(indexDir);
    log.append(vote("2026-04-01T10:00:00Z", "U1", "q", "old", Vote.NOT_HELPFUL));
    log.append(vote("2026-05-02T10:00:00Z", "U1", "q", "new", Vote.HELPFUL));
    Files.writeString(log.file(), "{\"time\":\"2026-05-03T1", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    assertEquals(2, log.entries().size());
    assertEquals(List.of("new"),
        log.answers(Instant.parse("2026-05-01T00:00:00Z")).stream().map(AnswerFeedback::articleId).toList());
  }

  @Test
  void judgmentsMakeOneTopicPerQuestionAndMarkHelpfulArticlesRelevant() throws Exception {
    FeedbackLog log = FeedbackLog.in(indexDir);
    log.append(vote("2026-05-01T10:00:00Z", "U1", "Is Azure exclusive?", "good", Vote.HELPFUL));
    log.append(vote("2026-05-01T10:01:00Z", "U1", "Is Azure exclusive?", "bad", Vote.NOT_HELPFUL));
    log.append(vote("2026-05-01T10:02:00Z", "U2", "Who licenses Helios?", "helios", Vote.HELPFUL));

    FeedbackLog.Judgments judgments = log.judgments();

    assertEquals(2, judgments.topics().size());
    assertEquals("Is Azure exclusive?", judgments.topics().get(0).text());
    assertEquals(Map.of("good", 1, "bad", 0), judgments.qrels().judgments().get(judgments.topics().get(0).id()));
  }

  @Test
  void evalReadsTheLogAsJudgments() throws Exception {
    try (ArchiveIndexer indexer = ArchiveIndexer.open(indexDir)) {
      indexer.indexDrafts("test", List.of(
          draft("azure", "Azure stays a preferred cloud", "Microsoft Azure is no longer OpenAI's exclusive cloud."),
          draft("helios", "Northwind licenses Helios", "Northwind licenses the Helios inspection software.")));
    }
    FeedbackLog log = FeedbackLog.in(indexDir);
    log.append(vote("2026-05-01T10:00:00Z", "U1", "is Azure OpenAI's exclusive cloud", "azure", Vote.HELPFUL));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "eval", "--feedback", "--json",
        "--no-baseline", "--index", indexDir.toString());
    int both = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "eval", "--feedback",
        "--topics", "t.tsv", "--index", indexDir.toString());

    assertEquals(0, exit, err.toString());
    assertTrue(out.toString().contains("\"judged_queries\":1"), out.toString());
    assertEquals(64, both);
  }

  private static ArticleDraft draft(String id, String title, String body) {
    return new ArticleDraft(id, title, body, Instant.parse("2026-04-28T09:00:00Z"), "Wire", null, List.of(),
        List.of(), 0);
  }

  @Test
  void feedbackCommandListsAnswersAndRefusesABadDate() throws Exception {
    FeedbackLog log = FeedbackLog.in(indexDir);
    log.append(vote("2026-05-01T10:00:00Z", "U1", "Is Azure exclusive?", "bad", Vote.NOT_HELPFUL));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int ok = ArchiveCommand.run(new PrintWriter(out), new PrintWriter(err), "feedback", "--index",
        indexDir.toString(), "--since", "2026-05-01");
    int bad = ArchiveCommand.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "feedback", "--index",
        indexDir.toString(), "--since", "yesterday");

    assertEquals(0, ok, err.toString());
    assertTrue(out.toString().contains("Is Azure exclusive? -> bad"), out.toString());
    assertTrue(out.toString().contains("\"passage of bad\""), out.toString());
    assertEquals(64, bad);
    assertTrue(err.toString().contains("--since must be a day"), err.toString());
  }
}
