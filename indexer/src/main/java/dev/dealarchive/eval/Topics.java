package dev.dealarchive.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads topic files: tab-separated ({@code qid<TAB>text}, as the BEIR topic files of Anserini) and classic TREC
 * {@code <top>} files.
 */
public final class Topics {
  private Topics() {}

  /**
   * Reads a topic file of either format: a file whose first non-blank line starts with {@code <top>} (in any case)
   * is read by {@link #readTrec(Path)}, any other by {@link #readTsv(Path)}.
   *
   * @return the topics in file order
   * @throws EvalInputException when the file is malformed, naming file and line
   * @throws IOException when the file cannot be read
   */
  public static List<Topic> read(Path file) throws IOException {
    return isTrec(file) ? readTrec(file) : readTsv(file);
  }

  /**
   * Reads a tab-separated topic file: one topic per line, the id before the first tab and the query text after it
   * (both trimmed; later tabs stay in the text). Blank lines are ignored.
   *
   * @return the topics in file order
   * @throws EvalInputException for a line without a tab, a blank or whitespace-containing id, a blank text, a
   *     repeated id, or a file without topics
   * @throws IOException when the file cannot be read
   */
  public static List<Topic> readTsv(Path file) throws IOException {
    List<Topic> topics = new ArrayList<>();
    Map<String, Integer> firstLines = new HashMap<>();
    InputLines.forEach(file, (number, text) -> {
      if (text.isBlank()) {
        return;
      }
      int tab = text.indexOf('\t');
      if (tab < 0) {
        throw new EvalInputException(file, number, "expected 'id<TAB>text' but found no tab");
      }
      String id = text.substring(0, tab).strip();
      String query = text.substring(tab + 1).strip();
      if (id.isEmpty() || InputLines.hasWhitespace(id)) {
        throw new EvalInputException(file, number, "topic id must be non-blank without whitespace: '" + id + "'");
      }
      if (query.isEmpty()) {
        throw new EvalInputException(file, number, "topic " + id + " has no text");
      }
      checkUnique(file, number, id, firstLines);
      topics.add(new Topic(id, query));
    });
    return nonEmpty(file, topics);
  }

  /**
   * Reads a TREC topic file of {@code <top>} blocks. The id is taken from {@code <num>} (after an optional
   * {@code Number:}; a number with leading zeros loses them, as TREC qrels write topic {@code 051} as {@code 51}), the
   * query text from {@code <title>} (after an optional {@code Topic:}, lines up to the next tag
   * joined by single spaces). {@code <desc>}, {@code <narr>} and any other fields are skipped. Closing tags are
   * optional, as in the files NIST distributes: a field ends at the next tag, a topic at {@code </top>}, the next
   * {@code <top>} or the end of the file.
   *
   * @return the topics in file order
   * @throws EvalInputException for text outside a topic, a topic without number or title, a repeated number, or a
   *     file without topics
   * @throws IOException when the file cannot be read
   */
  public static List<Topic> readTrec(Path file) throws IOException {
    TrecTopicParser parser = new TrecTopicParser(file);
    InputLines.forEach(file, parser::line);
    List<Topic> topics = parser.finish();
    Map<String, Integer> firstLines = new HashMap<>();
    for (int i = 0; i < topics.size(); i++) {
      checkUnique(file, parser.numLine(i), topics.get(i).id(), firstLines);
    }
    return nonEmpty(file, topics);
  }

  private static boolean isTrec(Path file) throws IOException {
    String first = InputLines.firstNonBlank(file);
    return first != null && first.strip().toLowerCase(Locale.ROOT).startsWith("<top>");
  }

  private static void checkUnique(Path file, int line, String id, Map<String, Integer> firstLines)
      throws EvalInputException {
    Integer first = firstLines.putIfAbsent(id, line);
    if (first != null) {
      throw new EvalInputException(file, line, "topic id " + id + " repeats the topic on line " + first);
    }
  }

  private static List<Topic> nonEmpty(Path file, List<Topic> topics) throws EvalInputException {
    if (topics.isEmpty()) {
      throw new EvalInputException(file, 0, "no topics");
    }
    return List.copyOf(topics);
  }
}
