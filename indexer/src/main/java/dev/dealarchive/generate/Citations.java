package dev.dealarchive.generate;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what the model wrote against the passages it was sent.
 *
 * <p>Citations of numbers that were not sent are removed; a sentence left without a valid citation is dropped,
 * whatever it says; when no sentence is left, there is no written answer. So a model that invents, refuses in
 * prose, or follows an instruction planted in an article shows nothing uncited.
 */
final class Citations {
  /** {@code [2]}, {@code [1, 3]}, {@code [1][3]}. */
  private static final Pattern CITATION = Pattern.compile("\\[\\s*(\\d{1,3}(?:\\s*[,;]\\s*\\d{1,3})*)\\s*\\]");
  /** A sentence that is only citations belongs to the sentence before it ("... in 2030. [2]"). */
  private static final Pattern ONLY_CITATIONS = Pattern.compile("^(\\s*\\[[\\d,;\\s]+\\])+\\s*$");

  /**
   * What survived the check.
   *
   * @param text the sentences kept, joined, with only valid citations
   * @param cited the valid numbers cited, ascending
   * @param dropped how many sentences were dropped for citing nothing valid
   */
  record Checked(String text, List<Integer> cited, int dropped) {}

  private Citations() {}

  /**
   * Keeps the sentences of {@code reply} that cite at least one of {@code sent}.
   *
   * @return empty when no sentence is left
   */
  static Optional<Checked> check(String reply, int sent) {
    List<String> sentences = sentences(reply.strip());
    List<String> kept = new ArrayList<>();
    Map<Integer, Boolean> cited = new TreeMap<>();
    int dropped = 0;
    for (String sentence : sentences) {
      List<Integer> valid = new ArrayList<>();
      String cleaned = keepValid(sentence, sent, valid);
      if (valid.isEmpty()) {
        if (!cleaned.isBlank()) {
          dropped++;
        }
        continue;
      }
      valid.forEach(n -> cited.put(n, true));
      kept.add(cleaned.strip());
    }
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Checked(String.join(" ", kept), List.copyOf(cited.keySet()), dropped));
  }

  /** Rewrites each citation group to its numbers in {@code 1..sent}, removing groups with none. */
  private static String keepValid(String sentence, int sent, List<Integer> valid) {
    Matcher matcher = CITATION.matcher(sentence);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      List<String> numbers = new ArrayList<>();
      for (String part : matcher.group(1).split("[,;]")) {
        int n = Integer.parseInt(part.strip());
        if (n >= 1 && n <= sent) {
          numbers.add(Integer.toString(n));
          valid.add(n);
        }
      }
      matcher.appendReplacement(out, numbers.isEmpty() ? "" : Matcher.quoteReplacement("[" + String.join("][", numbers) + "]"));
    }
    matcher.appendTail(out);
    return out.toString().replaceAll("\\s+([.,;:!?])", "$1").replaceAll("[ \\t]{2,}", " ");
  }

  /** Sentences, with a trailing citation-only piece joined to the sentence it follows. */
  static List<String> sentences(String text) {
    BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ENGLISH);
    breaks.setText(text);
    List<String> sentences = new ArrayList<>();
    int start = breaks.first();
    for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
      String piece = text.substring(start, end);
      if (piece.isBlank()) {
        continue;
      }
      if (!sentences.isEmpty() && ONLY_CITATIONS.matcher(piece).matches()) {
        int last = sentences.size() - 1;
        sentences.set(last, sentences.get(last).stripTrailing() + " " + piece.strip());
      } else if (!sentences.isEmpty() && startsWithCitation(piece)) {
        // "... through 2030. [2] OpenAI may ..." : the leading citation closes the previous sentence.
        Matcher lead = Pattern.compile("^(\\s*\\[[\\d,;\\s]+\\])+").matcher(piece);
        lead.find();
        int last = sentences.size() - 1;
        sentences.set(last, sentences.get(last).stripTrailing() + " " + lead.group().strip());
        sentences.add(piece.substring(lead.end()));
      } else {
        sentences.add(piece);
      }
    }
    return sentences;
  }

  private static boolean startsWithCitation(String piece) {
    return piece.stripLeading().startsWith("[") && CITATION.matcher(piece.stripLeading()).lookingAt();
  }
}
