package dev.dealarchive.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A line-by-line reader of TREC {@code <top>} topic files that tolerates missing closing tags. */
final class TrecTopicParser {
  private static final Pattern LEADING_TAG = Pattern.compile("^<(/?)([A-Za-z]+)>(.*)$", Pattern.DOTALL);
  private static final Pattern NUMBER_PREFIX = Pattern.compile("^number\\s*:\\s*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TOPIC_PREFIX = Pattern.compile("^topic\\s*:\\s*", Pattern.CASE_INSENSITIVE);

  /** The field whose text the following untagged lines belong to. */
  private enum Field {
    NONE,
    TITLE,
    OTHER
  }

  private final Path file;
  private final List<Topic> topics = new ArrayList<>();
  private final List<Integer> numLines = new ArrayList<>();

  private boolean open;
  private int topLine;
  private String id;
  private int idLine;
  private StringBuilder title;
  private Field field = Field.NONE;

  TrecTopicParser(Path file) {
    this.file = file;
  }

  /** Takes the next line of the file. */
  void line(int number, String text) throws EvalInputException {
    String rest = text.strip();
    if (rest.isEmpty()) {
      return;
    }
    Matcher tag = LEADING_TAG.matcher(rest);
    if (!tag.matches()) {
      untagged(number, rest);
      return;
    }
    boolean closing = !tag.group(1).isEmpty();
    String name = tag.group(2).toLowerCase(Locale.ROOT);
    String content = tag.group(3).strip();
    if (closing) {
      closeTag(number, name);
      if (!content.isEmpty()) {
        line(number, content);
      }
      return;
    }
    switch (name) {
      case "top" -> {
        if (open) {
          endTopic();
        }
        open = true;
        topLine = number;
        id = null;
        title = new StringBuilder();
        field = Field.NONE;
        if (!content.isEmpty()) {
          line(number, content);
        }
      }
      case "num" -> num(number, content);
      case "title" -> {
        requireOpen(number, "<title>");
        field = Field.TITLE;
        if (!content.isEmpty()) {
          untagged(number, content);
        }
      }
      default -> {
        requireOpen(number, "<" + name + ">");
        field = Field.OTHER;
      }
    }
  }

  /** Ends the last topic and returns all topics in file order. */
  List<Topic> finish() throws EvalInputException {
    if (open) {
      endTopic();
    }
    return topics;
  }

  /** The line of the {@code <num>} of the topic at {@code index} in {@link #finish()}'s list. */
  int numLine(int index) {
    return numLines.get(index);
  }

  private void num(int number, String content) throws EvalInputException {
    requireOpen(number, "<num>");
    if (id != null) {
      throw new EvalInputException(file, number, "second <num> in the topic that starts on line " + topLine);
    }
    String value = NUMBER_PREFIX.matcher(withoutClosingTag(content, "num")).replaceFirst("").strip();
    if (value.isEmpty() || InputLines.hasWhitespace(value)) {
      throw new EvalInputException(file, number, "<num> must hold one topic number: '" + content + "'");
    }
    id = value.matches("0+[0-9]+") ? value.replaceFirst("^0+(?=.)", "") : value;
    idLine = number;
    field = Field.NONE;
  }

  private void untagged(int number, String text) throws EvalInputException {
    if (!open) {
      throw new EvalInputException(file, number, "text outside <top>: '" + text + "'");
    }
    if (field != Field.TITLE) {
      return;
    }
    int close = text.toLowerCase(Locale.ROOT).indexOf("</title>");
    String part = close >= 0 ? text.substring(0, close) : text;
    if (title.length() > 0) {
      title.append(' ');
    }
    title.append(part.strip());
    if (close >= 0) {
      field = Field.NONE;
    }
  }

  private void closeTag(int number, String name) throws EvalInputException {
    if (name.equals("top")) {
      if (!open) {
        throw new EvalInputException(file, number, "</top> without <top>");
      }
      endTopic();
    } else {
      requireOpen(number, "</" + name + ">");
      field = Field.NONE;
    }
  }

  private void endTopic() throws EvalInputException {
    open = false;
    field = Field.NONE;
    if (id == null) {
      throw new EvalInputException(file, topLine, "topic has no <num>");
    }
    String text = TOPIC_PREFIX.matcher(title.toString().replaceAll("\\s+", " ").strip()).replaceFirst("").strip();
    if (text.isEmpty()) {
      throw new EvalInputException(file, topLine, "topic " + id + " has no <title> text");
    }
    topics.add(new Topic(id, text));
    numLines.add(idLine);
  }

  private void requireOpen(int number, String what) throws EvalInputException {
    if (!open) {
      throw new EvalInputException(file, number, what + " outside <top>");
    }
  }

  private static String withoutClosingTag(String content, String name) {
    int close = content.toLowerCase(Locale.ROOT).indexOf("</" + name + ">");
    return close >= 0 ? content.substring(0, close) : content;
  }
}
