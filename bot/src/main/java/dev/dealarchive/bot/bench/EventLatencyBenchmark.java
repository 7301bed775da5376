package dev.dealarchive.bot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dealarchive.article.ArticleDraft;
import dev.dealarchive.bot.BotConfig;
import dev.dealarchive.bot.HttpBotServer;
import dev.dealarchive.bot.LocalArchive;
import dev.dealarchive.bot.RequestSignature;
import dev.dealarchive.bot.SlackBot;
import dev.dealarchive.engine.ArchiveWriter;
import dev.dealarchive.engine.EmbeddedEngine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures the time from a Slack event reaching the bot to the bot's {@code chat.postMessage} reaching Slack, over
 * the Reuters-21578 corpus: a signed {@code app_mention} is posted to the bot's HTTP endpoint and the clock stops
 * when a loopback Web API receives the answer in that mention's thread. Questions are sent one at a time, so the
 * figures are latencies, not throughput. Goal: p99 under 100 ms.
 *
 * <p>Usage: {@code EventLatencyBenchmark [--corpus FILE] [--questions N] [--index DIR]}. Without the corpus it
 * prints why it skipped and exits 0.
 */
public final class EventLatencyBenchmark {
  private static final List<Path> CORPUS_CANDIDATES = List.of(
      Path.of("../shared/corpora/reuters-21578/articles.jsonl"),
      Path.of("shared/corpora/reuters-21578/articles.jsonl"),
      Path.of("../../shared/corpora/reuters-21578/articles.jsonl"));
  private static final long GOAL_P99_MILLIS = 100;
  private static final int WARM_UP = 100;

  private EventLatencyBenchmark() {}

  /** Runs the benchmark; see the class comment for arguments. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path corpus = null;
    Path indexDir = null;
    int questions = 1_000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--corpus" -> corpus = Path.of(args[++i]);
        case "--questions" -> questions = Integer.parseInt(args[++i]);
        case "--index" -> indexDir = Path.of(args[++i]);
        default -> {
          out.println("usage: EventLatencyBenchmark [--corpus FILE] [--questions N] [--index DIR]");
          System.exit(2);
        }
      }
    }
    if (corpus == null) {
      corpus = CORPUS_CANDIDATES.stream().filter(Files::isRegularFile).findFirst().orElse(null);
    }
    if (corpus == null || !Files.isRegularFile(corpus)) {
      out.println("bot event latency benchmark skipped: Reuters corpus not found (looked for "
          + (corpus != null ? corpus : CORPUS_CANDIDATES.get(0)) + "); pass --corpus FILE");
      return;
    }
    List<ArticleDraft> articles = read(corpus);
    boolean temporary = indexDir == null;
    if (temporary) {
      indexDir = Files.createTempDirectory("bot-bench-index");
    }
    try {
      if (isEmpty(indexDir)) {
        long started = System.nanoTime();
        try (EmbeddedEngine engine = EmbeddedEngine.open(indexDir);
            ArchiveWriter writer = engine.openWriter()) {
          writer.indexDrafts(corpus.toAbsolutePath().toString(), articles);
        }
        out.printf("indexed %d Reuters articles in %.1f s%n", articles.size(), (System.nanoTime() - started) / 1e9);
      }
      run(out, indexDir, questionsFrom(articles, questions + WARM_UP));
    } finally {
      if (temporary) {
        deleteRecursively(indexDir);
      }
    }
  }

  private static void run(PrintStream out, Path indexDir, List<String> questions) throws Exception {
    byte[] secretBytes = new byte[16];
    new SecureRandom().nextBytes(secretBytes);
    String secret = HexFormat.of().formatHex(secretBytes);
    RequestSignature signature = new RequestSignature(secret);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (RecordingWebApi slack = new RecordingWebApi();
        LocalArchive archive = LocalArchive.open(indexDir)) {
      BotConfig config = new BotConfig("xoxb-bench", null, secret, URI.create(slack.baseUrl()), indexDir, Set.of());
      try (SlackBot bot = SlackBot.forHttp(config, archive);
          HttpBotServer server = HttpBotServer.start(bot, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
        URI events = URI.create("http://127.0.0.1:" + server.port() + HttpBotServer.EVENTS_PATH);
        long[] nanos = new long[questions.size() - WARM_UP];
        for (int i = 0; i < questions.size(); i++) {
          String ts = "1700000000." + String.format("%06d", i);
          String body = mention("EvBench" + i, ts, questions.get(i));
          String timestamp = Long.toString(Instant.now().getEpochSecond());
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          HttpRequest request = HttpRequest.newBuilder(events)
              .header("Content-Type", "application/json")
              .header(RequestSignature.TIMESTAMP_HEADER, timestamp)
              .header(RequestSignature.SIGNATURE_HEADER, signature.sign(timestamp, bytes))
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .build();
          long sent = System.nanoTime();
          HttpResponse<Void> ack = http.send(request, HttpResponse.BodyHandlers.discarding());
          if (ack.statusCode() != 200) {
            throw new IllegalStateException("bot answered HTTP " + ack.statusCode());
          }
          long posted = slack.postFor(ts).get(30, TimeUnit.SECONDS);
          if (i >= WARM_UP) {
            nanos[i - WARM_UP] = posted - sent;
          }
        }
        report(out, nanos);
      }
    }
  }

  private static void report(PrintStream out, long[] nanos) {
    Arrays.sort(nanos);
    double p50 = percentile(nanos, 50);
    double p90 = percentile(nanos, 90);
    double p99 = percentile(nanos, 99);
    double max = nanos[nanos.length - 1] / 1e6;
    out.printf("bot event -> chat.postMessage latency over %d questions (after %d warm-up): "
        + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", nanos.length, WARM_UP, p50, p90, p99, max);
    out.printf("goal p99 < %d ms: %s%n", GOAL_P99_MILLIS, p99 < GOAL_P99_MILLIS ? "met" : "NOT met");
  }

  private static double percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  /** Questions made from article titles, in a fixed shuffled order so runs are comparable. */
  private static List<String> questionsFrom(List<ArticleDraft> articles, int count) {
    List<String> titles = new ArrayList<>();
    for (ArticleDraft article : articles) {
      if (!article.title().isBlank()) {
        titles.add(article.title().toLowerCase(Locale.ROOT));
      }
    }
    Collections.shuffle(titles, new Random(42));
    List<String> questions = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      questions.add("what happened with " + titles.get(i % titles.size()) + "?");
    }
    return questions;
  }

  private static String mention(String eventId, String ts, String question) {
    ObjectMapper json = new ObjectMapper();
    var body = json.createObjectNode();
    body.put("type", "event_callback");
    body.put("team_id", "TBENCH");
    body.put("api_app_id", "ABENCH");
    body.put("event_id", eventId);
    body.put("event_time", Instant.now().getEpochSecond());
    var event = body.putObject("event");
    event.put("type", "app_mention");
    event.put("user", "UBENCHUSER");
    event.put("text", "<@UBENCHBOT> " + question);
    event.put("ts", ts);
    event.put("channel", "CBENCH");
    event.put("event_ts", ts);
    return body.toString();
  }

  private static List<ArticleDraft> read(Path corpus) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<ArticleDraft> drafts = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = lines.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = json.readTree(line);
        drafts.add(new ArticleDraft(text(node, "id"), text(node, "title"), text(node, "body"),
            instant(text(node, "published")), text(node, "source"), text(node, "url"), list(node, "authors"),
            list(node, "tags"), number));
      }
    }
    return drafts;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static List<String> list(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> items = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(item -> items.add(item.asText()));
    }
    return items;
  }

  private static Instant instant(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value.substring(0, Math.min(10, value.length())))
            .atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Collections.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
