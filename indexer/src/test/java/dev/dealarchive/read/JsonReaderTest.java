package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.article.ArticleDraft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReaderTest {
  @TempDir Path dir;

  private final JsonReader reader = new JsonReader();

  private CollectingListener read(String name, String content) throws IOException {
    return CollectingListener.read(reader, Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8));
  }

  @Test
  void jsonLinesGiveOneArticlePerLineWithItsLineNumber() throws IOException {
    CollectingListener result =
        read(
            "deals.jsonl",
            """
            {"id": "a1", "title": "First", "body": "Body one.", "published": "2026-01-02", "source": "Sample Wire", \
            "url": "https://wire.example/a1", "authors": ["Jane Roe"], "tags": ["cloud", "aws"], "ignored": {"x": 1}}

            {"id": 7, "title": "Second", "body": "Body two."}
            """);

    assertEquals(List.of(), result.skipped);
    assertEquals(2, result.articles.size());
    ArticleDraft first = result.articles.get(0);
    assertEquals("a1", first.explicitId());
    assertEquals("First", first.title());
    assertEquals("Body one.", first.body());
    assertEquals(Instant.parse("2026-01-02T00:00:00Z"), first.published());
    assertEquals("Sample Wire", first.source());
    assertEquals("https://wire.example/a1", first.url());
    assertEquals(List.of("Jane Roe"), first.authors());
    assertEquals(List.of("cloud", "aws"), first.tags());
    assertEquals(1, first.line());
    assertEquals("7", result.articles.get(1).explicitId());
    assertEquals(3, result.articles.get(1).line());
  }

  @Test
  void malformedLineInTheMiddleIsSkippedAndTheOthersAreRead() throws IOException {
    CollectingListener result =
        read(
            "mixed.jsonl",
            """
            {"title": "One"}
            {"title": "Two", oops}
            {"title": "Three"}
            """);

    assertEquals(List.of("One", "Three"), result.articles.stream().map(ArticleDraft::title).toList());
    assertEquals(List.of(1, 3), result.articles.stream().map(ArticleDraft::line).toList());
    assertEquals(1, result.skipped.size());
    assertEquals(2, result.skipped.get(0).line());
    assertTrue(
        result.skipped.get(0).message().startsWith("malformed JSON: Unexpected character"), result.skipped.toString());
  }

  @Test
  void lineThatIsJsonButNotAnObjectIsSkippedWithItsKind() throws IOException {
    CollectingListener result = read("kinds.jsonl", "[1, 2]\n\"text\"\n{\"title\": \"ok\"}\n{\"a\": 1} {\"b\": 2}\n");

    assertEquals(1, result.articles.size());
    assertEquals(
        List.of(
            new CollectingListener.Report(1, "not a JSON object but an array"),
            new CollectingListener.Report(2, "not a JSON object but a string"),
            new CollectingListener.Report(4, "malformed JSON: more than one value on the line")),
        result.skipped);
  }

  @Test
  void bodyAliasesAndBeirIdAreAccepted() throws IOException {
    CollectingListener result =
        read(
            "beir.jsonl",
            """
            {"_id": "doc1", "title": "T1", "text": "From text.", "metadata": {}}
            {"id": "doc2", "content": "From content.", "date": "Tue, 28 Apr 2026 10:00:00 GMT", "author": "Solo"}
            """);

    ArticleDraft beir = result.articles.get(0);
    assertEquals("doc1", beir.explicitId());
    assertEquals("From text.", beir.body());
    ArticleDraft content = result.articles.get(1);
    assertEquals("From content.", content.body());
    assertEquals(Instant.parse("2026-04-28T10:00:00Z"), content.published());
    assertEquals(List.of("Solo"), content.authors());
  }

  @Test
  void tagsMayBeACommaSeparatedString() throws IOException {
    ArticleDraft draft = read("tags.jsonl", "{\"title\": \"T\", \"tags\": \"licensing, robotics\"}\n").single();

    assertEquals(List.of("licensing", "robotics"), draft.tags());
  }

  @Test
  void hardWrappedBodyBecomesOneLinePerParagraph() throws IOException {
    String wrapped = "{\"body\": \"Showers continued\\nthroughout the week.\\n\\nNext.\"}\n";

    ArticleDraft draft = read("wrapped.jsonl", wrapped).single();

    assertEquals("Showers continued throughout the week.\n\nNext.", draft.body());
  }

  @Test
  void unparseableDateIsAWarningOnTheRecordsLine() throws IOException {
    CollectingListener result = read("date.jsonl", "{\"title\": \"a\"}\n{\"title\": \"b\", \"date\": \"someday\"}\n");

    assertEquals(2, result.articles.size());
    assertNull(result.articles.get(1).published());
    assertEquals(
        List.of(new CollectingListener.Report(2, "unparseable date 'someday'; article kept without a date")),
        result.warnings);
  }

  @Test
  void invalidUtf8SkipsOnlyItsLine() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("{\"title\": \"good\"}\n".getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes("{\"title\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
    bytes.writeBytes("{\"title\": \"caf\u00e9 too\"}\r\n".getBytes(StandardCharsets.UTF_8));
    Path file = Files.write(dir.resolve("latin1.jsonl"), bytes.toByteArray());

    CollectingListener result = CollectingListener.read(reader, file);

    assertEquals(List.of("good", "caf\u00e9 too"), result.articles.stream().map(ArticleDraft::title).toList());
    assertEquals(List.of(new CollectingListener.Report(2, "invalid UTF-8 at byte 15 of the line")), result.skipped);
  }

  @Test
  void byteLimitAppliesToEachLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("limit.jsonl"),
            "{\"title\": \"short\"}\n{\"title\": \"" + "x".repeat(100) + "\"}\n{\"title\": \"also short\"}",
            StandardCharsets.UTF_8);
    CollectingListener result = new CollectingListener();

    reader.read(file, new ReadOptions(50), result);

    assertEquals(List.of("short", "also short"), result.articles.stream().map(ArticleDraft::title).toList());
    assertEquals(List.of(new CollectingListener.Report(2, "oversized: 113 bytes, limit 50 bytes")), result.skipped);
  }

  @Test
  void byteOrderMarkOnTheFirstLineIsIgnored() throws IOException {
    byte[] json = "{\"title\": \"bom\"}\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);

    ArticleDraft draft = CollectingListener.read(reader, Files.write(dir.resolve("bom.jsonl"), withBom)).single();

    assertEquals("bom", draft.title());
  }

  @Test
  void binaryJsonLinesFileIsAProblem() throws IOException {
    Path file = Files.write(dir.resolve("binary.jsonl"), new byte[] {'{', '}', '\n', 0, 1, 2});

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals("binary file (NUL byte at line 2)", problem.reason());
  }

  @Test
  void emptyJsonLinesFileIsAProblem() throws IOException {
    Path file = Files.write(dir.resolve("empty.jsonl"), new byte[0]);

    assertEquals("empty file", assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file)).reason());
  }

  @Test
  void jsonArrayGivesEachObjectWithTheLineWhereItStarts() throws IOException {
    CollectingListener result =
        read(
            "deals.json",
            """
            [
              {"id": "a", "title": "A"},
              {
                "id": "b",
                "title": "B"
              },
              42
            ]
            """);

    assertEquals(List.of("A", "B"), result.articles.stream().map(ArticleDraft::title).toList());
    assertEquals(List.of(2, 3), result.articles.stream().map(ArticleDraft::line).toList());
    assertEquals(List.of(new CollectingListener.Report(7, "not a JSON object but a number")), result.skipped);
  }

  @Test
  void singleJsonObjectIsOneArticle() throws IOException {
    ArticleDraft draft = read("one.json", "{\"title\": \"Only\", \"body\": \"Text.\", \"id\": 3}").single();

    assertEquals("Only", draft.title());
    assertEquals("3", draft.explicitId());
    assertEquals(0, draft.line());
  }

  @Test
  void malformedJsonFileIsAProblemWithTheLineAndNoArticles() throws IOException {
    String bad = "[\n {\"title\": \"A\"},\n {\"title\" \"B\"}\n]\n";
    Path file = Files.writeString(dir.resolve("bad.json"), bad, StandardCharsets.UTF_8);
    CollectingListener listener = new CollectingListener();

    InputProblem problem = assertThrows(InputProblem.class, () -> reader.read(file, ReadOptions.defaults(), listener));

    assertEquals(3, problem.line());
    assertTrue(problem.reason().startsWith("malformed JSON: Unexpected character"), problem.reason());
    assertEquals(List.of(), listener.articles);
  }

  @Test
  void truncatedJsonFileIsAProblem() throws IOException {
    Path file = Files.writeString(dir.resolve("cut.json"), "[{\"title\": \"A\"},", StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals("malformed JSON: Unexpected end-of-input within/between Array entries", problem.reason());
  }

  @Test
  void jsonScalarFileIsAProblem() throws IOException {
    Path file = Files.writeString(dir.resolve("scalar.json"), "\"just text\"", StandardCharsets.UTF_8);

    assertEquals(
        "not a JSON object or array of objects",
        assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file)).reason());
  }

  @Test
  void trailingContentAfterTheJsonValueIsAProblem() throws IOException {
    String twoValues = "{\"title\": \"a\"}\n{\"title\": \"b\"}\n";
    Path file = Files.writeString(dir.resolve("two.json"), twoValues, StandardCharsets.UTF_8);

    InputProblem problem = assertThrows(InputProblem.class, () -> CollectingListener.read(reader, file));
    assertEquals(2, problem.line());
    assertEquals("malformed JSON: unexpected content after the top-level value", problem.reason());
  }
}
