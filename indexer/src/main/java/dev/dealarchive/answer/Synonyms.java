package dev.dealarchive.answer;

import dev.dealarchive.search.TextAnalysis;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups of names that mean the same thing (MSFT and Microsoft, AWS and Amazon Web Services), applied to questions
 * at query time, so editing them needs no reindex.
 *
 * <p>The file format is Solr's simple one: one group per line, names separated by commas, {@code #} comments.
 * Names are compared by their exact analyzed tokens, so case and punctuation do not matter.
 */
public final class Synonyms {
  /** File name of the editable synonyms in the index folder. */
  public static final String FILE_NAME = "synonyms.txt";

  private static final String DEFAULT_RESOURCE = "default-synonyms.txt";

  /** Token sequence → the token sequences of every name of its group (itself excluded). */
  private final Map<List<String>, List<List<String>>> alternatives;
  private final int longestName;

  private Synonyms(Map<List<String>, List<List<String>>> alternatives) {
    this.alternatives = alternatives;
    this.longestName = alternatives.keySet().stream().mapToInt(List::size).max().orElse(0);
  }

  /** No synonyms. */
  public static Synonyms none() {
    return new Synonyms(Map.of());
  }

  /** The synonyms shipped with the archive. */
  public static Synonyms defaults() {
    try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return parse(new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled synonyms", e);
    }
  }

  /** The text of the shipped synonyms file, to seed an index folder's editable copy. */
  public static String defaultText() {
    try (InputStream in = Synonyms.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      return new String(Objects.requireNonNull(in, DEFAULT_RESOURCE).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled synonyms", e);
    }
  }

  /** Reads a synonyms file. */
  public static Synonyms load(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses synonyms text. */
  public static Synonyms parse(String text) {
    Map<List<String>, List<List<String>>> alternatives = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
      String line;
      while ((line = lines.readLine()) != null) {
        String content = line.strip();
        if (content.isEmpty() || content.startsWith("#")) {
          continue;
        }
        List<List<String>> group = new ArrayList<>();
        for (String name : content.split(",")) {
          List<String> tokens = TextAnalysis.exact(name);
          if (!tokens.isEmpty() && !group.contains(tokens)) {
            group.add(tokens);
          }
        }
        for (List<String> name : group) {
          List<List<String>> others = alternatives.computeIfAbsent(name, k -> new ArrayList<>());
          for (List<String> other : group) {
            if (!other.equals(name) && !others.contains(other)) {
              others.add(other);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Synonyms(alternatives);
  }

  /** A run of question tokens that names something with aliases. */
  public record Hit(int from, int to, List<List<String>> alternatives) {}

  /**
   * Finds, left to right and longest first, the runs of {@code tokens} that are names with aliases. Runs do not
   * overlap.
   */
  public List<Hit> find(List<String> tokens) {
    List<Hit> hits = new ArrayList<>();
    int i = 0;
    while (i < tokens.size()) {
      Hit hit = null;
      for (int length = Math.min(longestName, tokens.size() - i); length >= 1 && hit == null; length--) {
        List<List<String>> others = alternatives.get(tokens.subList(i, i + length));
        if (others != null && !others.isEmpty()) {
          hit = new Hit(i, i + length, others);
        }
      }
      if (hit == null) {
        i++;
      } else {
        hits.add(hit);
        i = hit.to();
      }
    }
    return hits;
  }

  /** The aliases of a name given as text, or an empty list. */
  public List<String> aliasesOf(String name) {
    List<List<String>> others = alternatives.getOrDefault(TextAnalysis.exact(name), List.of());
    return others.stream().map(tokens -> String.join(" ", tokens)).toList();
  }

  /**
   * Every other name of the groups holding {@code name} or a longer name that starts with it, as text: for
   * "Amazon" with the groups "Amazon, AMZN" and "Amazon Web Services, AWS", "AMZN", "Amazon Web Services" and
   * "AWS". Tells whether an article names what a question names in any of its forms.
   */
  public List<String> formsOf(String name) {
    List<String> tokens = TextAnalysis.exact(name);
    List<String> forms = new ArrayList<>();
    if (tokens.isEmpty()) {
      return forms;
    }
    for (Map.Entry<List<String>, List<List<String>>> entry : alternatives.entrySet()) {
      List<String> key = entry.getKey();
      if (key.size() >= tokens.size() && key.subList(0, tokens.size()).equals(tokens)) {
        addForm(forms, key, tokens);
        entry.getValue().forEach(other -> addForm(forms, other, tokens));
      }
    }
    return forms;
  }

  private static void addForm(List<String> forms, List<String> form, List<String> name) {
    String text = String.join(" ", form);
    if (!form.equals(name) && !forms.contains(text)) {
      forms.add(text);
    }
  }

  @Override
  public String toString() {
    return "Synonyms" + Arrays.toString(alternatives.keySet().toArray());
  }
}
