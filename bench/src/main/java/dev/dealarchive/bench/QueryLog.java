package dev.dealarchive.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A fixed log of keyword queries drawn from a corpus: each query is one to three words of one article (30% one,
 * 45% two, 25% three words), lower case, so under AND semantics every query matches at least its own article in
 * both engines. The same corpus, size and seed give the same log.
 *
 * @param queries the queries, in the order they are run
 */
public record QueryLog(List<String> queries) {
  /** The seed of the published figures. */
  public static final long DEFAULT_SEED = 20_260_421L;

  public QueryLog {
    queries = List.copyOf(queries);
  }

  /** Draws {@code count} queries from {@code corpus} with {@code seed}. */
  public static QueryLog generate(Corpus corpus, int count, long seed) {
    List<CorpusArticle> articles = corpus.articles();
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("the corpus has no articles to draw queries from");
    }
    Random random = new Random(seed);
    List<String> queries = new ArrayList<>(count);
    int attempts = 0;
    while (queries.size() < count) {
      if (++attempts > count * 100) {
        throw new IllegalArgumentException("the corpus has too few plain words to draw " + count + " queries");
      }
      CorpusArticle article = articles.get(random.nextInt(articles.size()));
      List<String> title = keywords(article.title());
      List<String> body = keywords(article.body());
      if (title.isEmpty() && body.isEmpty()) {
        continue;
      }
      int roll = random.nextInt(100);
      int wanted = roll < 30 ? 1 : roll < 75 ? 2 : 3;
      Set<String> words = new LinkedHashSet<>();
      for (int tries = 0; words.size() < wanted && tries < wanted * 10; tries++) {
        List<String> from = body.isEmpty() || (!title.isEmpty() && random.nextInt(10) < 3) ? title : body;
        words.add(from.get(random.nextInt(from.size())));
      }
      queries.add(String.join(" ", words));
    }
    return new QueryLog(queries);
  }

  private static List<String> keywords(String text) {
    List<String> keywords = new ArrayList<>();
    for (Words.Word word : Words.of(text)) {
      if (Words.isKeyword(word.text())) {
        keywords.add(word.text().toLowerCase(Locale.ROOT));
      }
    }
    return keywords;
  }
}
