package dev.dealarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.dealarchive.article.ContentHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaledCorpusTest {
  @TempDir Path folder;

  @Test
  void copiesHaveNewIdsAndDifferentStoriesAndAreReproducible() throws Exception {
    Corpus base = Corpus.read(SmallCorpus.write(folder));
    Path scaled = folder.resolve("x4.jsonl");
    ScaledCorpus.write(base, 4, scaled, 11);
    Corpus copies = Corpus.read(scaled);
    assertEquals(12, copies.articles().size());
    Set<String> ids = new HashSet<>();
    Set<String> stories = new HashSet<>();
    for (CorpusArticle article : copies.articles()) {
      ids.add(article.id());
      stories.add(ContentHash.sameStoryKey(article.title(), article.body()));
    }
    assertEquals(12, ids.size());
    assertEquals(12, stories.size(), "no copy is a duplicate story");
    assertEquals(base.articles(), copies.articles().subList(0, 3), "copy 0 is the corpus itself");
    List<String> first = Files.readAllLines(scaled, StandardCharsets.UTF_8);
    ScaledCorpus.write(base, 4, scaled, 11);
    assertEquals(first, Files.readAllLines(scaled, StandardCharsets.UTF_8));
    ScaledCorpus.write(base, 4, scaled, 12);
    assertNotEquals(first, Files.readAllLines(scaled, StandardCharsets.UTF_8));
  }
}
