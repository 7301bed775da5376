package dev.dealarchive.answer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * About 40,000 common English words (SCOWL sizes 10 to 35, shipped as {@code common-english-words.txt}): a word on
 * this list is never "corrected" into an indexed word, however close ("thanks" is not a slip of "than", nor "file" of
 * "five").
 */
final class CommonWords {
  private static final Set<String> WORDS = load();

  private CommonWords() {}

  /** Whether {@code word}, in any case, is a common English word. */
  static boolean contains(String word) {
    return WORDS.contains(word.toLowerCase(Locale.ROOT));
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>(60_000);
    try (InputStream in = CommonWords.class.getResourceAsStream("common-english-words.txt")) {
      if (in == null) {
        throw new IllegalStateException("common-english-words.txt is missing from the classpath");
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank() && !line.startsWith("#")) {
          words.add(line.strip());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read common-english-words.txt", e);
    }
    return Set.copyOf(words);
  }
}
