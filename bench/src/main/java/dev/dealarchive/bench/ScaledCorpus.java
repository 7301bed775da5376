package dev.dealarchive.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Writes a corpus of {@code factor} times a JSON-lines corpus: copy 0 is the corpus as it is; copy {@code c > 0} of
 * each article gets the id {@code ID~c}, a url with {@code #copy-c} appended, and lightly varied text: about one
 * word in twenty of its title and body is replaced with a word of another article (the donor), so every copy is a
 * different story to the archive's duplicate check and the vocabulary keeps a realistic spread. The same corpus,
 * factor and seed give the same file.
 */
final class ScaledCorpus {
  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final int REPLACE_ONE_IN = 20;

  private ScaledCorpus() {}

  /** Writes {@code factor} copies of {@code base} to {@code target}, which is replaced. */
  static void write(Corpus base, int factor, Path target, long seed) throws IOException {
    if (factor < 1) {
      throw new IllegalArgumentException("factor must be at least 1: " + factor);
    }
    List<CorpusArticle> donors = base.articles();
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < factor; copy++) {
        Random random = new Random(seed * 1_000_003L + copy);
        try (BufferedReader lines = Files.newBufferedReader(base.file(), StandardCharsets.UTF_8)) {
          int index = 0;
          for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isBlank()) {
              continue;
            }
            if (copy == 0) {
              out.write(line);
            } else {
              CorpusArticle donor = donors.get(Math.floorMod(index * 7_919 + copy * 104_729, donors.size()));
              out.write(vary(Corpus.MAPPER.readTree(line), copy, donor, random));
            }
            out.write('\n');
            index++;
          }
        }
      }
    }
  }

  /** The JSON line of copy {@code copy} of an article. */
  static String vary(JsonNode original, int copy, CorpusArticle donor, Random random) throws IOException {
    ObjectNode node = original.deepCopy();
    node.put("id", Corpus.text(original, "id") + "~" + copy);
    String url = Corpus.text(original, "url");
    if (!url.isEmpty()) {
      node.put("url", url + "#copy-" + copy);
    }
    String[] donorWords = donorWords(donor);
    String title = Corpus.text(original, "title");
    String body = Corpus.text(original, "body");
    String variedTitle = replaceWords(title, donorWords, random, false);
    String variedBody = replaceWords(body, donorWords, random, variedTitle.equals(title));
    if (variedTitle.equals(title) && variedBody.equals(body)) {
      variedTitle = title + " (" + copy + ")";
    }
    node.put("title", variedTitle);
    node.put("body", variedBody);
    return Corpus.MAPPER.writeValueAsString(node);
  }

  private static String[] donorWords(CorpusArticle donor) {
    String[] words = WORD.matcher(donor.body()).results().map(MatchResult::group).toArray(String[]::new);
    return words.length > 0 ? words : new String[] {"archive"};
  }

  /**
   * Replaces about one word in {@value #REPLACE_ONE_IN} with a donor word; when {@code atLeastOne}, a word is
   * replaced even if the dice chose none. A replacement always differs from the word it replaces.
   */
  static String replaceWords(String text, String[] donorWords, Random random, boolean atLeastOne) {
    List<int[]> spans = WORD.matcher(text).results().map(m -> new int[] {m.start(), m.end()}).toList();
    if (spans.isEmpty()) {
      return text;
    }
    boolean[] replace = new boolean[spans.size()];
    boolean any = false;
    for (int i = 0; i < spans.size(); i++) {
      replace[i] = random.nextInt(REPLACE_ONE_IN) == 0;
      any |= replace[i];
    }
    if (atLeastOne && !any) {
      replace[random.nextInt(spans.size())] = true;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    int at = 0;
    for (int i = 0; i < spans.size(); i++) {
      if (!replace[i]) {
        continue;
      }
      int[] span = spans.get(i);
      String old = text.substring(span[0], span[1]);
      String word = donorWords[random.nextInt(donorWords.length)];
      if (word.toLowerCase(Locale.ROOT).equals(old.toLowerCase(Locale.ROOT))) {
        word = word + "s";
      }
      out.append(text, at, span[0]).append(word);
      at = span[1];
    }
    return out.append(text, at, text.length()).toString();
  }
}
