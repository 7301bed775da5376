package dev.dealarchive.cli;

import dev.dealarchive.engine.IndexFolder;
import dev.dealarchive.feedback.AnswerFeedback;
import dev.dealarchive.feedback.FeedbackLog;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive feedback}: the votes people gave answers in Slack, worst answers first. */
@Command(
    name = "feedback",
    mixinStandardHelpOptions = true,
    description = {
      "List the Helpful / Not helpful votes on the bot's answers, answers with the most Not helpful votes first, so",
      "synonyms or sources can be fixed. Each user's latest vote on an answer counts once. The log is",
      FeedbackLog.FILE_NAME + " in the index folder; `archive eval --feedback` reads it as judgments."
    })
public final class FeedbackCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin IndexLocation location;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Option(names = "--since", paramLabel = "DATE",
      description = "Only votes from this day (YYYY-MM-DD, UTC) or instant (2026-05-01T12:00:00Z) on.")
  String since;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Instant from = null;
    if (since != null) {
      from = parseSince(since);
      if (from == null) {
        spec.commandLine().getErr().println("archive feedback: --since must be a day such as 2026-05-01 or an "
            + "instant such as 2026-05-01T12:00:00Z, not " + since);
        return ExitCodes.USAGE;
      }
    }
    FeedbackLog log = IndexFolder.at(location.path()).feedbackLog();
    List<AnswerFeedback> answers = log.answers(from);
    if (json) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("index", location.path().toString());
      map.put("since", from == null ? null : from.toString());
      map.put("answers", answers.stream().map(FeedbackCommand::json).toList());
      out.println(Json.write(map));
      return ExitCodes.OK;
    }
    if (answers.isEmpty()) {
      out.println("No feedback" + (from == null ? "" : " since " + from) + " in " + log.file() + ".");
      return ExitCodes.OK;
    }
    out.printf("%11s %7s  %s%n", "not helpful", "helpful", "question -> article");
    for (AnswerFeedback answer : answers) {
      out.printf("%11d %7d  %s -> %s%n", answer.notHelpful(), answer.helpful(), oneLine(answer.question(), 100),
          answer.articleId());
      out.printf("%21s\"%s\"%n", "", oneLine(answer.passage(), 160));
    }
    return ExitCodes.OK;
  }

  private static Map<String, Object> json(AnswerFeedback answer) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("question", answer.question());
    map.put("article", answer.articleId());
    map.put("passage", answer.passage());
    map.put("helpful", answer.helpful());
    map.put("not_helpful", answer.notHelpful());
    map.put("last_vote", answer.lastVote().toString());
    return map;
  }

  private static Instant parseSince(String text) {
    try {
      return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException notADay) {
      try {
        return Instant.parse(text.strip());
      } catch (DateTimeParseException notAnInstant) {
        return null;
      }
    }
  }

  private static String oneLine(String text, int max) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
  }
}
