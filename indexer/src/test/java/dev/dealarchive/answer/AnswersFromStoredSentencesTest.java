package dev.dealarchive.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dealarchive.BundledData;
import dev.dealarchive.article.Article;
import dev.dealarchive.indexing.ArchiveAnalyzers;
import dev.dealarchive.indexing.ArchiveCodec;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.indexing.ArchiveIndexer;
import dev.dealarchive.indexing.ArticleDocuments;
import dev.dealarchive.indexing.IndexOptions;
import dev.dealarchive.indexing.IndexProgress;
import dev.dealarchive.indexing.StoredArticles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Answers read the sentence boundaries stored at indexing ({@code body_sentences}) and give exactly the answers of
 * sentences cut at question time, which an article indexed before the boundaries were stored still gets. The same
 * articles (the bundled samples, and the first Reuters-21578 articles when the corpus is beside the project) are
 * written into two indexes alike, one without stored sentences; every question, of every answer kind, must get the
 * same answer, passage, coverage, scores and further articles from both.
 */
class AnswersFromStoredSentencesTest {
  private static final Path REUTERS = Path.of("shared", "corpora", "reuters-21578", "articles.jsonl");
  private static final int REUTERS_ARTICLES = 600;
  /** Questions of every kind the answer prefers sentences for: amounts, dates, durations, reasons, places, names. */
  private static final List<String> TEMPLATES =
      List.of(
          "How much did {name} pay for the {topic}?",
          "What percentage of {topic} does {name} control?",
          "When did {name} announce the {topic}?",
          "How long will {name} run the {topic}?",
          "Why did {name} cut {topic}?",
          "Where does {name} plan to expand {topic}?",
          "Who is buying {name}?",
          "Which companies are involved with {name} and {topic}?",
          "Tell me about {name} and {topic}.",
          "Is {name} still the only {topic} partner?");
  private static final Pattern NAME = Pattern.compile("(?<=[a-z,;] )[A-Z][a-z]+(?: [A-Z][a-z]+)?");
  private static final Pattern TOPIC = Pattern.compile("\\b[a-z]{5,}\\b");

  @TempDir Path temp;

  @Test
  void answersFromStoredSentencesEqualAnswersFromSentencesCutAtQuestionTime() throws IOException {
    List<Article> articles = articles();
    Path stored = temp.resolve("stored");
    Path cut = temp.resolve("cut");
    write(stored, articles, false);
    write(cut, articles, true);
    Answerer answerer = Answerer.withDefaults(stored);
    Random random = new Random(20_261_130L);
    int answered = 0;
    int asked = 0;
    try (Directory storedDir = FSDirectory.open(stored);
        DirectoryReader storedReader = DirectoryReader.open(storedDir);
        Directory cutDir = FSDirectory.open(cut);
        DirectoryReader cutReader = DirectoryReader.open(cutDir)) {
      assertNotNull(storedReader.storedFields().document(0).getBinaryValue(ArchiveFields.BODY_SENTENCES));
      assertNull(cutReader.storedFields().document(0).getBinaryValue(ArchiveFields.BODY_SENTENCES));
      IndexSearcher withSentences = new IndexSearcher(storedReader);
      IndexSearcher withoutSentences = new IndexSearcher(cutReader);
      for (Article article : articles) {
        for (String question : questions(article, random)) {
          AskResult expected = answerer.ask(withoutSentences, question, 5);
          AskResult actual = answerer.ask(withSentences, question, 5);
          assertEquals(expected.answer(), actual.answer(), question);
          assertEquals(expected.hits(), actual.hits(), question);
          assertEquals(expected.tip(), actual.tip(), question);
          assertEquals(expected.correctedQuestion(), actual.correctedQuestion(), question);
          asked++;
          answered += actual.answer() == null ? 0 : 1;
        }
      }
    }
    // The comparison means something only if most questions are answered.
    assertTrue(answered > asked / 2, answered + " of " + asked + " questions answered");
  }

  /** The bundled articles, and the first Reuters articles when the corpus is there, as the archive indexes them. */
  private List<Article> articles() throws IOException {
    List<Path> inputs = new ArrayList<>(List.of(BundledData.folder()));
    Path corpus = reuters();
    if (corpus != null) {
      Path part = temp.resolve("inbox").resolve("reuters.jsonl");
      Files.createDirectories(part.getParent());
      try (BufferedReader in = Files.newBufferedReader(corpus, StandardCharsets.UTF_8);
          BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        int lines = 0;
        for (String line = in.readLine(); line != null && lines < REUTERS_ARTICLES; line = in.readLine(), lines++) {
          out.write(line);
          out.newLine();
        }
      }
      inputs.add(part.getParent());
    }
    Path source = temp.resolve("source");
    try (ArchiveIndexer indexer = ArchiveIndexer.open(source)) {
      indexer.index(inputs, IndexOptions.defaults().withVectors(false), IndexProgress.NONE);
    }
    List<Article> articles = new ArrayList<>();
    try (Directory directory = FSDirectory.open(source);
        DirectoryReader reader = DirectoryReader.open(directory)) {
      StoredArticles.forEach(new IndexSearcher(reader), articles::add);
    }
    assertTrue(articles.size() >= 10, "articles: " + articles.size());
    return articles;
  }

  /** Writes {@code articles} alike into a new index; {@code withoutSentences} as an index written before they were stored. */
  private static void write(Path index, List<Article> articles, boolean withoutSentences) throws IOException {
    try (Directory directory = FSDirectory.open(index);
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzers.forIndex()).setCodec(new ArchiveCodec()))) {
      for (Article article : articles) {
        Document doc = ArticleDocuments.toDocument(article);
        if (withoutSentences) {
          doc.removeFields(ArchiveFields.BODY_SENTENCES);
        }
        writer.addDocument(doc);
      }
      writer.setLiveCommitData(Map.of(ArchiveFields.SCHEMA_KEY, ArchiveFields.SCHEMA_VERSION).entrySet());
      writer.commit();
    }
  }

  /** Two questions about an article: a name in it (a capitalised word inside a sentence) and a long word of it. */
  private static List<String> questions(Article article, Random random) {
    List<String> names = all(NAME, article.body());
    List<String> topics = all(TOPIC, article.body());
    List<String> questions = new ArrayList<>();
    if (names.isEmpty() || topics.isEmpty()) {
      return questions;
    }
    for (int i = 0; i < 2; i++) {
      String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
      questions.add(
          template
              .replace("{name}", names.get(random.nextInt(names.size())))
              .replace("{topic}", topics.get(random.nextInt(topics.size()))));
    }
    return questions;
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static Path reuters() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling(REUTERS);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
