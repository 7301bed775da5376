package dev.dealarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
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

  /**
   * What {@link #head} read from a corpus file.
   *
   * @param written how many articles were copied to the target
   * @param following the lines of the articles right after those, as many as were asked for and the file has
   * @param articles how many articles (non-blank lines) the whole file holds
   */
  record Head(int written, List<String> following, long articles) {
    Head {
      following = List.copyOf(following);
    }
  }

  /**
   * Streams {@code file} without holding it: copies its first {@code count} articles (non-blank lines, as they are)
   * to {@code target}, keeps the next {@code following} lines, and counts every article. How the vectors phase and
   * {@code embed-bench} take the subset they build.
   */
  static Head head(Path file, int count, int following, Path target) throws IOException {
    int written = 0;
    List<String> after = new ArrayList<>();
    long articles = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        articles++;
        if (written < count) {
          writer.write(line);
          writer.newLine();
          written++;
        } else if (after.size() < following) {
          after.add(line);
        }
      }
    }
    return new Head(written, after, articles);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asText();
  }
}
