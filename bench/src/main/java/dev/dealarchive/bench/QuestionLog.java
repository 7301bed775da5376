package dev.dealarchive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A fixed log of natural-language questions: the hand-written templates of {@code question-templates.txt} filled
 * with a name (one or two capitalised words that do not start a sentence) and a topic word (five letters or more)
 * of one article. The same corpus, size and seed give the same log.
 *
 * @param questions the questions, in the order they are asked
 */
public record QuestionLog(List<String> questions) {
  static final String TEMPLATES = "question-templates.txt";
  private static final int MIN_TOPIC_LENGTH = 5;

  public QuestionLog {
    questions = List.copyOf(questions);
  }

  /** Draws {@code count} questions from {@code corpus} with {@code seed}. */
  public static QuestionLog generate(Corpus corpus, int count, long seed) {
    List<CorpusArticle> articles = corpus.articles();
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no articles to draw questions from");
    }
    List<String> templates = templates();
    Random random = new Random(seed);
    List<String> questions = new ArrayList<>(count);
    int attempts = 0;
    while (questions.size() < count) {
      if (++attempts > count * 100) {
        throw new IllegalArgumentException("the corpus has too few names to draw " + count + " questions");
      }
      CorpusArticle article = articles.get(random.nextInt(articles.size()));
      List<Words.Word> words = Words.of(article.body());
      List<String> names = names(words);
      List<String> topics = topics(words);
      if (names.isEmpty() || topics.isEmpty()) {
        continue;
      }
      String template = templates.get(random.nextInt(templates.size()));
      String name = names.get(random.nextInt(names.size()));
      String topic = topics.get(random.nextInt(topics.size()));
      questions.add(template.replace("{name}", name).replace("{topic}", topic));
    }
    return new QuestionLog(questions);
  }

  /** The templates, in file order. */
  static List<String> templates() {
    List<String> templates = new ArrayList<>();
    try (InputStream in = QuestionLog.class.getResourceAsStream(TEMPLATES)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATES);
      }
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String template = line.strip();
        if (!template.isEmpty() && !template.startsWith("#")) {
          templates.add(template);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + TEMPLATES, e);
    }
    return templates;
  }

  private static List<String> names(List<Words.Word> words) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Words.Word word = words.get(i);
      if (word.startsSentence() || !isCapitalised(word.text())) {
        continue;
      }
      if (i + 1 < words.size() && !words.get(i + 1).startsSentence() && isCapitalised(words.get(i + 1).text())) {
        names.add(word.text() + " " + words.get(i + 1).text());
        i++;
      } else {
        names.add(word.text());
      }
    }
    return names;
  }

  private static boolean isCapitalised(String word) {
    return word.length() >= 3
        && Character.isUpperCase(word.charAt(0))
        && Character.isLowerCase(word.charAt(word.length() - 1))
        && Words.isKeyword(word);
  }

  private static List<String> topics(List<Words.Word> words) {
    List<String> topics = new ArrayList<>();
    for (Words.Word word : words) {
      String text = word.text();
      if (text.length() >= MIN_TOPIC_LENGTH && Words.isKeyword(text) && text.equals(text.toLowerCase(Locale.ROOT))) {
        topics.add(text);
      }
    }
    return topics;
  }
}
