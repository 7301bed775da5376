package dev.dealarchive.embed;

import dev.dealarchive.search.Passages;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an article into the passages the index stores a vector for.
 *
 * <p>Sentence-aligned (the same sentences as answers are cut from, {@link Passages#sentences}): up to {@value
 * #MAX_SENTENCES} sentences and {@value #MAX_WORDS} words per passage; a longer sentence is cut at word boundaries.
 * With a title of at most {@value #MAX_TITLE_WORDS} words in front, a passage stays far below the model's 512 word
 * pieces (beyond them the model reads nothing: its tokenizer cuts the text there). Passages do not overlap. An
 * article with an empty body gets one passage of its title alone. At most {@value #MAX_PASSAGES} passages per
 * article (about 10,000 words), so one huge article cannot hold up a run; the rest of it is still found by its
 * words.
 */
public final class PassageSplitter {
  /** Most sentences in one passage. */
  public static final int MAX_SENTENCES = 3;
  /** Most words in one passage. */
  public static final int MAX_WORDS = 100;
  /** Most words of the title put in front of each passage. */
  public static final int MAX_TITLE_WORDS = 40;
  /** Most passages per article. */
  public static final int MAX_PASSAGES = 100;

  private PassageSplitter() {}

  /** The passages of an article's body; one empty passage (the title alone) when the body has no text. */
  public static List<Passage> split(String body) {
    List<Passage> passages = new ArrayList<>();
    String text = body == null ? "" : body;
    int start = -1;
    int end = -1;
    int sentences = 0;
    int words = 0;
    for (Passages.Sentence sentence : Passages.sentences(text)) {
      int sentenceWords = words(text, sentence.start(), sentence.end());
      if (sentenceWords > MAX_WORDS) {
        if (start >= 0) {
          add(passages, text, start, end);
          start = -1;
        }
        cutLongSentence(passages, text, sentence.start(), sentence.end());
        sentences = 0;
        words = 0;
        continue;
      }
      if (start >= 0 && (sentences == MAX_SENTENCES || words + sentenceWords > MAX_WORDS)) {
        add(passages, text, start, end);
        start = -1;
      }
      if (start < 0) {
        start = sentence.start();
        sentences = 0;
        words = 0;
      }
      end = sentence.end();
      sentences++;
      words += sentenceWords;
    }
    if (start >= 0) {
      add(passages, text, start, end);
    }
    if (passages.isEmpty()) {
      passages.add(new Passage(0, 0, 0, ""));
    }
    return passages.size() > MAX_PASSAGES ? List.copyOf(passages.subList(0, MAX_PASSAGES)) : passages;
  }

  /** The title as put in front of each passage: at most {@value #MAX_TITLE_WORDS} words. */
  public static String context(String title) {
    String text = title == null ? "" : title.strip();
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord && ++words > MAX_TITLE_WORDS) {
        return text.substring(0, i).strip();
      }
      inWord = !space;
    }
    return text;
  }

  private static void add(List<Passage> passages, String text, int start, int end) {
    passages.add(new Passage(passages.size(), start, end, text.substring(start, end)));
  }

  private static void cutLongSentence(List<Passage> passages, String text, int start, int end) {
    int pieceStart = -1;
    int pieceEnd = -1;
    int words = 0;
    int i = start;
    while (i < end) {
      while (i < end && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i >= end) {
        break;
      }
      int wordStart = i;
      while (i < end && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (words == MAX_WORDS) {
        add(passages, text, pieceStart, pieceEnd);
        pieceStart = -1;
        words = 0;
      }
      if (pieceStart < 0) {
        pieceStart = wordStart;
      }
      pieceEnd = i;
      words++;
    }
    if (pieceStart >= 0) {
      add(passages, text, pieceStart, pieceEnd);
    }
  }

  private static int words(String text, int start, int end) {
    int words = 0;
    boolean inWord = false;
    for (int i = start; i < end; i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }
}
