package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sample articles in the repository's {@code data/} folder read cleanly and keep the facts they promise. */
class SampleDataTest {
  private static final String MICROSOFT_OPENAI = "microsoft-openai-2026-04-28";

  private static CollectingListener samples;

  @BeforeAll
  static void readSamples() throws IOException {
    samples = new CollectingListener();
    try (Stream<Path> files = Files.list(dataFolder())) {
      for (Path file : files.sorted().toList()) {
        if (!file.getFileName().toString().equals("README.md")) {
          ArticleReader reader = Readers.forFile(file).orElseThrow(() -> new AssertionError("no reader: " + file));
          reader.read(file, ReadOptions.defaults(), samples);
        }
      }
    }
  }

  @Test
  void everySampleReadsWithoutSkipsOrWarnings() {
    assertEquals(List.of(), samples.skipped);
    assertEquals(List.of(), samples.warnings);
    assertTrue(samples.articles.size() >= 8, "articles: " + samples.articles.size());
    samples.articles.forEach(draft -> assertTrue(!draft.title().isEmpty() && !draft.body().isEmpty(), draft::title));
  }

  @Test
  void microsoftOpenAiSummaryStatesTheKeySentences() {
    ArticleDraft draft = microsoftOpenAi();

    assertEquals("Microsoft and OpenAI make their partnership non-exclusive", draft.title());
    assertEquals(Instant.parse("2026-04-28T00:00:00Z"), draft.published());
    assertTrue(draft.body().contains("OpenAI will pay Microsoft a revenue share capped at 20% through 2030."));
    assertTrue(draft.body().contains("OpenAI may now also deploy its models on Amazon Bedrock and Google Cloud."));
    int firstParagraphEnd = draft.body().indexOf('\n');
    assertTrue(draft.body().substring(0, firstParagraphEnd).contains("revenue share"), "early mention");
  }

  @Test
  void onlyOneOtherSampleSaysRevenueShareAndOnlyOnce() {
    List<Long> mentions =
        samples.articles.stream()
            .filter(draft -> !MICROSOFT_OPENAI.equals(draft.explicitId()))
            .map(draft -> occurrences((draft.title() + "\n" + draft.body()).toLowerCase(Locale.ROOT), "revenue share"))
            .filter(count -> count > 0)
            .toList();

    assertTrue(mentions.equals(List.of()) || mentions.equals(List.of(1L)), "mentions: " + mentions);
  }

  @Test
  void everyOtherSampleSaysItIsFictional() {
    samples.articles.stream()
        .filter(draft -> !MICROSOFT_OPENAI.equals(draft.explicitId()))
        .forEach(draft -> assertTrue(draft.body().contains("fictional"), draft::title));
  }

  private static ArticleDraft microsoftOpenAi() {
    return samples.articles.stream()
        .filter(draft -> MICROSOFT_OPENAI.equals(draft.explicitId()))
        .findFirst()
        .orElseThrow();
  }

  private static long occurrences(String text, String phrase) {
    long count = 0;
    for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
      count++;
    }
    return count;
  }

  /** The repository's data folder, found from the module directory Maven runs tests in. */
  private static Path dataFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path data = dir.resolve("data");
      if (Files.isRegularFile(data.resolve(MICROSOFT_OPENAI + ".md"))) {
        return data;
      }
    }
    throw new AssertionError("no data folder with the samples above " + Path.of("").toAbsolutePath());
  }
}
