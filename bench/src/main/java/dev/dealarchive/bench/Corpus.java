package dev.dealarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON-lines corpus file ({@code id, title, body, published, source, url, authors, tags} per line), read into
 * memory for the generators.
 *
 * @param file the file
 * @param bytes its size in bytes
 * @param articles its articles in file order; blank and unparseable lines are left out
 */
public record Corpus(Path file, long bytes, List<CorpusArticle> articles) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  public Corpus {
    articles = List.copyOf(articles);
  }

  /** Reads {@code file}. */
  public static Corpus read(Path file) throws IOException {
    List<CorpusArticle> articles = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(line);
        } catch (IOException e) {
          continue;
        }
        articles.add(new CorpusArticle(text(node, "id"), text(node, "title"), text(node, "body")));
      }
    }
    return new Corpus(file, Files.size(file), articles);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
