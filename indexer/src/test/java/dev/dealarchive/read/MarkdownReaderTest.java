package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReaderTest {
  @TempDir Path dir;

  private final MarkdownReader reader = new MarkdownReader();

  private CollectingListener read(String name, String content) throws IOException {
    return CollectingListener.read(reader, Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8));
  }

  @Test
  void frontMatterGivesEveryField() throws IOException {
    ArticleDraft draft =
        read(
                "deal.md",
                """
                ---
                id: acme-globex-2026
                title: "Acme and Globex: a licensing deal"
                date: 2026-03-02T09:30:00Z
                source: Sample Wire (fictional)
                url: https://example.com/acme-globex
                authors: [Jane Roe, John Doe]
                tags: [licensing, robotics]
                extra: ignored
                ---
                Acme licenses its arm controller to Globex.

                The deal runs for five years.
                """)
            .single();

    assertEquals("acme-globex-2026", draft.explicitId());
    assertEquals("Acme and Globex: a licensing deal", draft.title());
    assertEquals(Instant.parse("2026-03-02T09:30:00Z"), draft.published());
    assertEquals("Sample Wire (fictional)", draft.source());
    assertEquals("https://example.com/acme-globex", draft.url());
    assertEquals(List.of("Jane Roe", "John Doe"), draft.authors());
    assertEquals(List.of("licensing", "robotics"), draft.tags());
    assertEquals("Acme licenses its arm controller to Globex.\n\nThe deal runs for five years.", draft.body());
    assertEquals(0, draft.line());
  }

  @Test
  void frontMatterAcceptsAliasesSingleValuesAndNumericIds() throws IOException {
    ArticleDraft draft =
        read(
                "aliases.md",
                """
                ---
                id: 42
                title: Aliases
                published: 2026-04-28
                author: Jane Roe
                tags: cloud, aws , exclusivity
                ---
                Body.
                """)
            .single();

    assertEquals("42", draft.explicitId());
    assertEquals(Instant.parse("2026-04-28T00:00:00Z"), draft.published());
    assertEquals(List.of("Jane Roe"), draft.authors());
    assertEquals(List.of("cloud", "aws", "exclusivity"), draft.tags());
  }

  @Test
  void markdownWithoutFrontMatterTakesTitleFromFirstHeading() throws IOException {
    ArticleDraft draft =
        read(
                "no-front-matter.md",
                """
                Intro line before the heading.

                # Helios Grid signs a *joint venture*

                Helios Grid and Kestrel Bio form a venture.
                """)
            .single();

    assertEquals("Helios Grid signs a joint venture", draft.title());
    assertEquals("Intro line before the heading.\n\nHelios Grid and Kestrel Bio form a venture.", draft.body());
    assertNull(draft.explicitId());
    assertNull(draft.published());
  }

  @Test
  void headingRepeatingTheFrontMatterTitleLeavesTheBody() throws IOException {
    ArticleDraft draft =
        read(
                "repeat.md",
                """
                ---
                title: Kestrel Bio raises money
                ---
                # Kestrel Bio raises money

                The round closed on Monday.
                """)
            .single();

    assertEquals("The round closed on Monday.", draft.body());
  }

  @Test
  void headingDifferentFromTheFrontMatterTitleStaysInTheBody() throws IOException {
    ArticleDraft draft =
        read(
                "different.md",
                """
                ---
                title: Front matter title
                ---
                # Another heading

                Text.
                """)
            .single();

    assertEquals("Front matter title", draft.title());
    assertEquals("Another heading\n\nText.", draft.body());
  }

  @Test
  void withoutTitleOrHeadingTheFileNameIsTheTitle() throws IOException {
    ArticleDraft draft = read("revenue-share_news.md", "Only a sentence, no heading.\n").single();

    assertEquals("revenue share news", draft.title());
    assertEquals("Only a sentence, no heading.", draft.body());
  }

  @Test
  void markupIsRemovedAndWrappedLinesJoined() throws IOException {
    ArticleDraft draft =
        read(
                "markup.md",
                """
                # Title

                Northwind Robotics [signed](https://example.com/deal "the deal") a **five-year**
                licence with _Helios Grid_ and `snake_case` stays.

                ## Terms

                - first term
                * second term
                > A quoted sentence.

                ```
                code line one
                code line two
                ```
                <!-- a comment -->
                ![chart](chart.png) shows growth.
                """)
            .single();

    assertEquals(
        """
        Northwind Robotics signed a five-year licence with Helios Grid and snake_case stays.

        Terms

        first term
        second term A quoted sentence.

        code line one
        code line two

        chart shows growth.""",
        draft.body());
  }

  @Test
  void unterminatedFrontMatterIsAProblemOnLineOne() throws IOException {
    Path file =
        Files.writeString(dir.resolve("open.md"), "---\ntitle: Never closed\n\nBody.\n", StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals(1, problem.line());
    assertTrue(problem.reason().startsWith("unterminated front matter"), problem.reason());
  }

  @Test
  void badYamlIsAProblemNamingTheFileLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("bad.md"), "---\ntitle: ok\nsource: a: b\n---\nBody.\n", StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals(3, problem.line());
    assertEquals("malformed front matter: mapping values are not allowed here", problem.reason());
  }

  @Test
  void frontMatterThatIsNotAMappingIsAProblem() throws IOException {
    Path file = Files.writeString(dir.resolve("list.md"), "---\n- a\n- b\n---\nBody.\n", StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals(2, problem.line());
    assertTrue(problem.reason().contains("list"), problem.reason());
  }

  @Test
  void unparseableDateIsAWarningAndTheArticleIsKept() throws IOException {
    CollectingListener result = read("date.md", "---\ntitle: Dated\ndate: sometime in spring\n---\nBody.\n");

    assertNull(result.single().published());
    assertEquals(
        List.of(new CollectingListener.Report(3, "unparseable date 'sometime in spring'; article kept without a date")),
        result.warnings);
  }

  @Test
  void emptyFrontMatterIsAllowed() throws IOException {
    ArticleDraft draft = read("empty-fm.md", "---\n---\n# Heading\nBody.\n").single();

    assertEquals("Heading", draft.title());
    assertEquals("Body.", draft.body());
  }
}
