package dev.dealarchive.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The YAML block between {@code ---} lines at the very top of a Markdown file.
 *
 * @param fields the parsed mapping, empty when the file has no front matter
 * @param lines the YAML lines, without the delimiters
 * @param bodyStart index of the first line after the front matter (0 when there is none)
 */
record FrontMatter(JsonNode fields, List<String> lines, int bodyStart) {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String DELIMITER = "---";

  /**
   * Splits the front matter off {@code fileLines}.
   *
   * @throws InputProblem when the front matter is not closed, not valid YAML or not a mapping
   */
  static FrontMatter parse(List<String> fileLines) throws InputProblem {
    if (fileLines.isEmpty() || !fileLines.get(0).strip().equals(DELIMITER)) {
      return new FrontMatter(JsonNodeFactory.instance.objectNode(), List.of(), 0);
    }
    int end = closingLine(fileLines);
    if (end < 0) {
      throw new InputProblem(1, "unterminated front matter: the '---' on line 1 has no closing '---' line");
    }
    List<String> yamlLines = fileLines.subList(1, end);
    JsonNode fields = parseYaml(yamlLines);
    if (fields == null || fields.isMissingNode() || fields.isNull()) {
      fields = JsonNodeFactory.instance.objectNode();
    } else if (!fields.isObject()) {
      throw new InputProblem(2, "malformed front matter: expected 'key: value' lines, found a YAML " + kind(fields));
    }
    return new FrontMatter(fields, List.copyOf(yamlLines), end + 1);
  }

  /** 1-based file line where {@code key} is set, or 0 when it is not found. */
  int lineOf(String key) {
    String prefix = key.toLowerCase(Locale.ROOT) + ":";
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return i + 2;
      }
    }
    return 0;
  }

  private static int closingLine(List<String> fileLines) {
    for (int i = 1; i < fileLines.size(); i++) {
      String line = fileLines.get(i).strip();
      if (line.equals(DELIMITER) || line.equals("...")) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode parseYaml(List<String> yamlLines) throws InputProblem {
    try {
      return YAML.readTree(String.join("\n", yamlLines));
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  /** Names the file line and the YAML parser's own one-line reason. */
  private static InputProblem malformed(JsonProcessingException e) {
    int yamlLine;
    String reason;
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblem() != null) {
      Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      yamlLine = mark == null ? lineOf(e.getLocation()) : mark.getLine() + 1;
      reason = marked.getProblem();
    } else {
      yamlLine = lineOf(e.getLocation());
      reason = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
    }
    // The YAML starts on line 2, after the opening '---'.
    int fileLine = yamlLine + 1;
    return new InputProblem(fileLine, "malformed front matter: " + reason, e);
  }

  private static int lineOf(JsonLocation location) {
    return location == null ? 1 : Math.max(1, location.getLineNr());
  }

  private static String kind(JsonNode node) {
    return node.isArray() ? "list" : "single value";
  }
}
