package dev.dealarchive.bot;

import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.fetch.AddResult;
import dev.dealarchive.indexing.ArchiveStats;
import dev.dealarchive.indexing.IndexBusyException;
import dev.dealarchive.indexing.IndexSummary;
import dev.dealarchive.search.MarkedText;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A tiny archive for bot tests: word-overlap search and a best-sentence answer. It stands in for the Lucene archive
 * so Slack behaviour can be tested with articles written in the test.
 */
final class InMemoryArchive implements ArchiveGateway {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}%]+");
  private static final Set<String> STOP = Set.of("what", "does", "the", "a", "an", "of", "to", "is", "how", "who",
      "and", "in", "on", "for", "do", "did", "with");

  /** An article. */
  record Doc(String id, String title, String body, String source, String url, Instant published) {}

  private final List<Doc> docs = new CopyOnWriteArrayList<>();
  final AtomicInteger reindexCalls = new AtomicInteger();
  /** Every url {@link #add} was called with, in order. */
  final List<String> addedUrls = new CopyOnWriteArrayList<>();
  /** What {@link #add} answers; by default, that the url was added as an untitled article. */
  volatile AddResult addResult;
  volatile boolean busy;
  volatile boolean broken;
  /** While set and closed, answering waits for it: a slow archive. */
  volatile CountDownLatch gate;

  InMemoryArchive add(Doc doc) {
    docs.add(doc);
    return this;
  }

  /** The bundled-data article about Microsoft and OpenAI, as the real sample data will have it. */
  static Doc microsoftOpenAi() {
    return new Doc("microsoft-openai-2026-04-28", "Microsoft and OpenAI make their partnership non-exclusive",
        "Microsoft and OpenAI announced a new agreement on Tuesday. OpenAI will pay Microsoft a revenue share "
            + "capped at 20% through 2030. Azure remains a preferred cloud.",
        "Example Wire", "https://news.example/microsoft-openai", Instant.parse("2026-04-28T09:00:00Z"));
  }

  @Override
  public AskResult ask(String question, int limit) throws IOException {
    check();
    long start = System.nanoTime();
    Set<String> words = words(question);
    List<Doc> ranked = rank(words);
    if (ranked.isEmpty()) {
      return new AskResult(question, null, null, List.of(), "Try fewer or different words.", List.of(),
          System.nanoTime() - start);
    }
    Doc best = ranked.get(0);
    String sentence = bestSentence(best.body(), words);
    MarkedText passage = mark(sentence, words);
    SearchHit article = hit(best, passage);
    List<SearchHit> others = ranked.stream().skip(1).limit(Math.max(0, limit - 1))
        .map(d -> hit(d, mark(bestSentence(d.body(), words), words))).toList();
    return new AskResult(question, null, new Answer(passage, article), others, null, List.of(),
        System.nanoTime() - start);
  }

  @Override
  public SearchResult search(SearchRequest request) throws IOException {
    check();
    Set<String> words = words(request.query());
    List<Doc> ranked = rank(words);
    List<SearchHit> page = ranked.stream().skip(request.offset()).limit(request.limit())
        .map(d -> hit(d, mark(bestSentence(d.body(), words), words))).toList();
    return new SearchResult(request.query(), ranked.size(), page, List.of(), 1000);
  }

  @Override
  public List<SearchHit> latest(int n) throws IOException {
    check();
    return docs.stream().sorted(Comparator.comparing(Doc::published).reversed()).limit(n)
        .map(d -> hit(d, MarkedText.plain(d.body()))).toList();
  }

  @Override
  public ArchiveStats stats() throws IOException {
    check();
    Map<String, Long> sources = docs.stream().collect(Collectors.groupingBy(Doc::source, LinkedHashMap::new,
        Collectors.counting()));
    return new ArchiveStats(docs.size(), sources, null, null, 1234, null);
  }

  @Override
  public long articleCount() throws IOException {
    check();
    return docs.size();
  }

  @Override
  public IndexSummary reindex() throws IOException {
    reindexCalls.incrementAndGet();
    if (busy) {
      throw new IndexBusyException("index", null);
    }
    return new IndexSummary(2, 1, 0, 10, 0, List.of(), List.of(), List.of(), 5_000_000);
  }

  /** Records the url and answers {@link #addResult}; fetches nothing. */
  @Override
  public AddResult add(String url) {
    addedUrls.add(url);
    AddResult canned = addResult;
    return canned != null
        ? canned
        : new AddResult(AddResult.Status.ADDED, url, url, null, null, null, null, null);
  }

  @Override
  public List<String> articleIdsExcept(Predicate<String> known) throws IOException {
    check();
    return docs.stream().map(Doc::id).filter(id -> !known.test(id)).toList();
  }

  /** Articles among {@code ids} having every word of the query (all of them for a blank query), newest first. */
  @Override
  public SearchResult searchAmong(String query, Collection<String> ids, int limit) throws IOException {
    check();
    Set<String> words = words(query == null ? "" : query);
    List<Doc> matching = docs.stream()
        .filter(d -> ids.contains(d.id()))
        .filter(d -> words(d.title() + " " + d.body()).containsAll(words))
        .sorted(Comparator.comparing(Doc::published).reversed())
        .toList();
    List<SearchHit> hits = matching.stream().limit(limit)
        .map(d -> hit(d, mark(bestSentence(d.body(), words), words))).toList();
    return new SearchResult(query, matching.size(), hits, List.of(), 1000);
  }

  /** Removes an article, as a deletion in the index would. */
  void remove(String id) {
    docs.removeIf(d -> d.id().equals(id));
  }

  @Override
  public void close() {}

  private void check() throws IOException {
    CountDownLatch waitFor = gate;
    if (waitFor != null) {
      try {
        waitFor.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    if (broken) {
      throw new IOException("index is unreadable (test)");
    }
  }

  private List<Doc> rank(Set<String> words) {
    List<Map.Entry<Doc, Long>> scored = new ArrayList<>();
    for (Doc doc : docs) {
      Set<String> docWords = words(doc.title() + " " + doc.body());
      long score = words.stream().filter(docWords::contains).count();
      if (score > 0) {
        scored.add(Map.entry(doc, score));
      }
    }
    scored.sort(Map.Entry.<Doc, Long>comparingByValue().reversed());
    return scored.stream().map(Map.Entry::getKey).toList();
  }

  private static String bestSentence(String body, Set<String> words) {
    String best = body;
    long bestScore = -1;
    for (String sentence : body.split("(?<=[.!?])\\s+")) {
      long score = words(sentence).stream().filter(words::contains).count();
      if (score > bestScore) {
        best = sentence;
        bestScore = score;
      }
    }
    return best;
  }

  private static MarkedText mark(String text, Set<String> words) {
    List<MarkedText.Span> spans = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      if (words.contains(m.group().toLowerCase(Locale.ROOT))) {
        spans.add(new MarkedText.Span(m.start(), m.end()));
      }
    }
    return new MarkedText(text, spans);
  }

  private static SearchHit hit(Doc d, MarkedText snippet) {
    return new SearchHit(d.id(), d.title(), d.source(), d.url(), d.published(), 1f, snippet, List.of());
  }

  private static Set<String> words(String text) {
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      String w = m.group().toLowerCase(Locale.ROOT);
      if (!STOP.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }
}
