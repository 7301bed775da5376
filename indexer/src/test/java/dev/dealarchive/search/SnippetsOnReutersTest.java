package dev.dealarchive.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Snippets of real articles are the same whichever way they are made: the reference analyses each whole body and
 * cuts its sentences at search time (as snippets were made before); the archive analyses only the stretches where a
 * query word can match ({@link MatchWindows}) and reads sentences stored at indexing time ({@link StoredSentences}).
 * Queries are one to three words of the article itself, as the benchmark's query log draws them, plus a word of
 * another article, so bodies with and without matches are both compared.
 */
class SnippetsOnReutersTest {
  private static final Path CORPUS = Path.of("shared", "corpora", "reuters-21578", "articles.jsonl");
  private static final int ARTICLES = 6_000;

  private static List<String> bodies;

  @BeforeAll
  static void read() throws IOException {
    Path start = Path.of("").toAbsolutePath();
    Path found = null;
    for (Path dir = start; dir != null && found == null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling(CORPUS);
      if (Files.isRegularFile(candidate)) {
        found = candidate;
      }
    }
    Path corpus = found;
    Assumptions.assumeTrue(corpus != null,
        () -> "Reuters-21578 (" + CORPUS + " beside a folder above " + start + ") not found; skipping the real-article comparison");
    ObjectMapper json = new ObjectMapper();
    bodies = new ArrayList<>();
    try (BufferedReader lines = Files.newBufferedReader(corpus, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null && bodies.size() < ARTICLES; line = lines.readLine()) {
        JsonNode body = json.readTree(line).get("body");
        if (body != null && !body.asText().isBlank()) {
          bodies.add(body.asText());
        }
      }
    }
  }

  @Test
  void snippetsFromStretchesAndStoredSentencesEqualSnippetsFromWholeBodies() {
    Random random = new Random(20_261_130L);
    int compared = 0;
    for (int i = 0; i < bodies.size(); i++) {
      String body = bodies.get(i);
      List<TokenForms.Token> own = TokenForms.of(body);
      List<TokenForms.Token> other = TokenForms.of(bodies.get(random.nextInt(bodies.size())));
      if (own.isEmpty() || other.isEmpty()) {
        continue;
      }
      StringBuilder query = new StringBuilder();
      for (int w = random.nextInt(3); w >= 0; w--) {
        query.append(own.get(random.nextInt(own.size())).exact()).append(' ');
      }
      String mixed = query + other.get(random.nextInt(other.size())).exact();
      List<Passages.Sentence> stored = StoredSentences.decode(new BytesRef(StoredSentences.of(body)), body.length());
      for (String text : new String[] {query.toString(), mixed, "\"" + query.toString().strip() + "\""}) {
        MatchTerms terms = MatchTerms.of(QueryLanguage.parse(text).positiveParts());
        List<Passages.Match> whole = TokenForms.matchesAnalysingAll(body, terms);
        assertEquals(whole, Passages.matches(body, terms), text + " in article " + i);
        MarkedText reference = Passages.bestOf(body, null, whole, ArticleSearch.SNIPPET_CHARS);
        assertEquals(reference, Passages.best(body, stored, terms, ArticleSearch.SNIPPET_CHARS), text + " in article " + i);
        compared++;
      }
    }
    assertEquals(true, compared > ARTICLES, "compared " + compared);
  }
}
