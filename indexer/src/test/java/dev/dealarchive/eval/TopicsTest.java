package dev.dealarchive.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicsTest {
  @TempDir Path dir;

  @Test
  void readsTabSeparatedTopicsInFileOrderIgnoringBlankLines() throws IOException {
    Path file = write("topics.tsv", "7\tDeletion of αvβ8 does not result in inflammation.\n\n  \n3\t  padded text  \n"
        + "12\ttext\twith a second tab\n");

    assertEquals(
        List.of(
            new Topic("7", "Deletion of αvβ8 does not result in inflammation."),
            new Topic("3", "padded text"),
            new Topic("12", "text\twith a second tab")),
        Topics.read(file));
  }

  @Test
  void tabSeparatedLineWithoutTabIsRejectedNamingFileAndLine() throws IOException {
    Path file = write("topics.tsv", "1\tfirst\n\n2 second\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTsv(file));

    assertEquals(3, e.line());
    assertEquals(file + ":3: expected 'id<TAB>text' but found no tab", e.getMessage());
  }

  @Test
  void tabSeparatedTopicWithoutTextIsRejected() throws IOException {
    Path file = write("topics.tsv", "1\t \n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTsv(file));

    assertEquals(file + ":1: topic 1 has no text", e.getMessage());
  }

  @Test
  void repeatedTopicIdIsRejectedNamingBothLines() throws IOException {
    Path file = write("topics.tsv", "1\tfirst\n2\tsecond\n1\tagain\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTsv(file));

    assertEquals(file + ":3: topic id 1 repeats the topic on line 1", e.getMessage());
  }

  @Test
  void emptyTopicFileIsRejected() throws IOException {
    Path file = write("topics.tsv", "\n\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.read(file));

    assertEquals(0, e.line());
    assertEquals(file + ": no topics", e.getMessage());
  }

  @Test
  void invalidUtf8IsRejectedNamingTheLine() throws IOException {
    Path file = dir.resolve("topics.tsv");
    Files.write(file, new byte[] {'1', '\t', 'o', 'k', '\n', '2', '\t', (byte) 0xC3, (byte) 0x28, '\n'});

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTsv(file));

    assertEquals(file + ":2: not valid UTF-8", e.getMessage());
  }

  @Test
  void readsTrecTopicsUsingTheTitleAndToleratingMissingClosingTags() throws IOException {
    Path file = write("topics.301-303", """

        <top>

        <num> Number: 301
        <title> International Organized Crime

        <desc> Description:
        Identify organizations that participate in international criminal activity.

        <narr> Narrative:
        A relevant document must as a minimum identify the organization.

        </top>

        <top>
        <num> Number: 302 </num>
        <title> Poliomyelitis and
          Post-Polio
        </title>
        <desc> Description:
        Is the disease of Poliomyelitis (polio) under control in the world?

        <top>
        <head> Tipster Topic Description
        <num> Number: 051
        <title> Topic: Airbus Subsidies
        <desc> Description:
        Document will discuss government assistance to Airbus Industrie.
        """);

    assertEquals(
        List.of(
            new Topic("301", "International Organized Crime"),
            new Topic("302", "Poliomyelitis and Post-Polio"),
            new Topic("51", "Airbus Subsidies")),
        Topics.read(file));
  }

  @Test
  void fileIsTrecWhenItsFirstNonBlankLineStartsWithTop() throws IOException {
    Path trec = write("a.txt", "\n  <TOP>\n<num> Number: 9\n<title> tab\tin title\n</top>\n");
    Path tsv = write("b.txt", "\n9\t<top> is just text here\n");

    assertEquals(List.of(new Topic("9", "tab in title")), Topics.read(trec));
    assertEquals(List.of(new Topic("9", "<top> is just text here")), Topics.read(tsv));
  }

  @Test
  void trecTopicWithoutNumberIsRejectedAtItsTopLine() throws IOException {
    Path file = write("topics.trec", "<top>\n<num> Number: 1\n<title> one\n</top>\n<top>\n<title> two\n</top>\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTrec(file));

    assertEquals(file + ":5: topic has no <num>", e.getMessage());
  }

  @Test
  void trecTopicWithoutTitleTextIsRejected() throws IOException {
    Path file = write("topics.trec", "<top>\n<num> Number: 4\n<title>\n<desc> Description:\nwords\n</top>\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.readTrec(file));

    assertEquals(file + ":1: topic 4 has no <title> text", e.getMessage());
  }

  @Test
  void textOutsideATrecTopicIsRejected() throws IOException {
    Path file = write("topics.trec", "<top>\n<num> Number: 4\n<title> four\n</top>\nstray words\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.read(file));

    assertEquals(file + ":5: text outside <top>: 'stray words'", e.getMessage());
  }

  @Test
  void repeatedTrecTopicNumberIsRejectedAtTheSecondNum() throws IOException {
    Path file = write("topics.trec", "<top>\n<num> Number: 4\n<title> a\n</top>\n"
        + "<top>\n<num> Number: 004\n<title> b\n");

    EvalInputException e = assertThrows(EvalInputException.class, () -> Topics.read(file));

    assertEquals(file + ":6: topic id 4 repeats the topic on line 2", e.getMessage());
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
