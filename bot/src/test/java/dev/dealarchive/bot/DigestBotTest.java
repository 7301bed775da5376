package dev.dealarchive.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.engine.IndexFolder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Digests at 09:00 in ARCHIVE_TIMEZONE, driven by a test clock. */
class DigestBotTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  /** Monday 1 June 2026, 08:00 in Berlin (summer time, UTC+2). */
  private static final Instant MONDAY_0800_BERLIN = Instant.parse("2026-06-01T06:00:00Z");

  @TempDir Path indexDir;
  private final TestClock clock = new TestClock(MONDAY_0800_BERLIN);
  private final InMemoryArchive archive = new InMemoryArchive().add(InMemoryArchive.microsoftOpenAi());
  private FakeSlack slack;
  private LoopbackBot loopback;
  private int triggers;

  @BeforeEach
  void start() throws Exception {
    slack = new FakeSlack();
    BotConfig config = new BotConfig("xoxb-test", null, SignedRequests.SECRET, URI.create(slack.baseUrl()),
        indexDir, Set.of(), BotConfig.AddPolicy.ALL, ZoneId.of("Europe/Berlin"));
    loopback = LoopbackBot.start(config, archive, new BotTiming(clock, Duration.ofMillis(50), Duration.ofMinutes(15)));
    awaitSeen("microsoft-openai-2026-04-28");
  }

  @AfterEach
  void stop() throws Exception {
    loopback.close();
    slack.close();
  }

  @Test
  void dailyDigestIsPostedAtNineLocalTimeWithTheMatchingAdditionsOnce() throws Exception {
    command("digest daily OpenAI");
    String confirmation = slack.await("response_url", 1, WAIT).get(0).param("text");
    assertTrue(confirmation.contains("every day at 09:00 (Europe/Berlin)"), confirmation);
    archive.add(doc("openai-oracle", "OpenAI rents Oracle capacity", "OpenAI rents Oracle cloud capacity."));
    archive.add(doc("acme-globex", "Acme supplies Globex", "Acme supplies batteries to Globex."));
    awaitSeen("openai-oracle");
    awaitSeen("acme-globex");
    assertTrue(digests().isEmpty(), "nothing before 09:00");

    clock.set(Instant.parse("2026-06-01T07:00:00Z"));

    FakeSlack.Call digest = slack.awaitCalls(c -> c.method().equals("chat.postMessage"), 1, WAIT).get(0);
    assertEquals("C0CMD", digest.param("channel"));
    assertTrue(digest.param("text").startsWith("Daily digest: 1 article added matching `OpenAI`"),
        digest.param("text"));
    assertTrue(digest.param("text").contains("OpenAI rents Oracle capacity"), digest.param("text"));
    assertFalse(digest.param("text").contains("Acme"), digest.param("text"));
    assertFalse(digest.param("text").contains("non-exclusive"), "articles from before the bot are not additions");

    clock.advance(Duration.ofHours(3));
    archive.add(doc("later-1", "Later one", "Nothing to see."));
    awaitSeen("later-1");
    archive.add(doc("later-2", "Later two", "Nothing to see."));
    awaitSeen("later-2");
    assertEquals(1, digests().size(), "one digest per period");
  }

  @Test
  void digestMissedWhileDownIsPostedOnceAndOffStopsIt() throws Exception {
    command("digest weekly");
    slack.await("response_url", 1, WAIT);
    archive.add(doc("openai-oracle", "OpenAI rents Oracle capacity", "OpenAI rents Oracle cloud capacity."));
    awaitSeen("openai-oracle");

    // A week and a day later: the weekly digest of the week before is due once, not once per missed look.
    clock.set(Instant.parse("2026-06-09T10:00:00Z"));
    FakeSlack.Call digest = slack.awaitCalls(c -> c.method().equals("chat.postMessage"), 1, WAIT).get(0);
    assertTrue(digest.param("text").startsWith("Weekly digest: 1 article added:"), digest.param("text"));

    command("digest off");
    assertTrue(slack.await("response_url", 2, WAIT).get(1).param("text").contains("Digests for this channel are off"));
    clock.set(Instant.parse("2026-06-16T10:00:00Z"));
    archive.add(doc("later-1", "Later one", "Nothing to see."));
    awaitSeen("later-1");
    archive.add(doc("later-2", "Later two", "Nothing to see."));
    awaitSeen("later-2");
    assertEquals(1, digests().size());
  }

  private List<FakeSlack.Call> digests() {
    return slack.calls("chat.postMessage").stream().filter(c -> c.param("text").contains("digest:")).toList();
  }

  private void command(String text) throws Exception {
    triggers++;
    loopback.requests().postForm(SignedRequests.form(SignedRequests.command(text, "U0ASKER",
        slack.responseUrl("d" + triggers), "trig-d" + triggers)));
  }

  /** Waits until the bot recorded {@code id} as seen: a look that started after the last clock change finished. */
  private void awaitSeen(String id) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Path log = IndexFolder.at(indexDir).seenArticlesFile();
    while (true) {
      try {
        if (Files.readAllLines(log, StandardCharsets.UTF_8).stream().anyMatch(l -> l.endsWith("\t" + id))) {
          return;
        }
      } catch (NoSuchFileException e) {
        // not written yet
      }
      assertTrue(System.nanoTime() < deadline, id + " was never seen");
      Thread.sleep(10);
    }
  }

  private static InMemoryArchive.Doc doc(String id, String title, String body) {
    return new InMemoryArchive.Doc(id, title, body, "Wire", "https://news.example/" + id,
        Instant.parse("2026-05-30T00:00:00Z"));
  }
}
