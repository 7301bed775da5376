package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogGenerationTest {
  @TempDir Path folder;

  @Test
  void queryLogIsReproducibleFromTheSeed() throws IOException {
    Corpus corpus = Corpus.read(SmallCorpus.write(folder));
    QueryLog first = QueryLog.generate(corpus, 200, 7);
    assertEquals(200, first.queries().size());
    assertEquals(first, QueryLog.generate(corpus, 200, 7));
    assertNotEquals(first, QueryLog.generate(corpus, 200, 8));
  }

  @Test
  void everyQueryIsOneToThreePlainWordsOfOneArticle() throws IOException {
    Corpus corpus = Corpus.read(SmallCorpus.write(folder));
    for (String query : QueryLog.generate(corpus, 300, 1).queries()) {
      String[] words = query.split(" ");
      assertTrue(words.length >= 1 && words.length <= 3, query);
      assertTrue(Arrays.stream(words).allMatch(word -> word.matches("[a-z]{3,20}")), query);
      boolean oneArticleHasAll =
          corpus.articles().stream()
              .map(article -> (article.title() + " " + article.body()).toLowerCase(Locale.ROOT))
              .anyMatch(text -> Arrays.stream(words).allMatch(text::contains));
      assertTrue(oneArticleHasAll, query);
      assertTrue(Arrays.stream(words).noneMatch(word -> word.equals("the") || word.equals("and")), query);
    }
  }

  @Test
  void questionLogIsReproducibleAndFilled() throws IOException {
    Corpus corpus = Corpus.read(SmallCorpus.write(folder));
    QuestionLog questions = QuestionLog.generate(corpus, 100, 3);
    assertEquals(100, questions.questions().size());
    assertEquals(questions, QuestionLog.generate(corpus, 100, 3));
    assertTrue(questions.questions().stream().noneMatch(q -> q.contains("{")));
    assertTrue(QuestionLog.templates().size() >= 30);
  }

  @Test
  void namesAreCapitalisedWordsInsideSentences() {
    assertEquals(
        java.util.List.of(new Words.Word("Texaco", true), new Words.Word("Inc", false), new Words.Word("said", false),
            new Words.Word("merger", false), new Words.Word("talks", false), new Words.Word("Pennzoil", false)),
        Words.of("Texaco Inc said (merger) talks, U.S. don't 1987 Pennzoil."));
  }
}
