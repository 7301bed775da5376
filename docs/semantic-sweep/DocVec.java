import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.embed.PassageSplitter;
import dev.dealarchive.indexing.StoredArticles;
import dev.dealarchive.article.Article;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/**
 * One vector per article made of its title and whole body, cut to the model's 510 word pieces (as MTEB embeds a
 * BEIR document: title + text, truncated at 512 tokens with [CLS] and [SEP]), for articles with more than one
 * passage (a single passage already is the whole article). Writes docvec.tsv (id, word pieces before the cut,
 * passages, cut?) and docvec.f32 (big-endian floats) into OUT, and the CPU it took.
 *
 * <p>Usage: DocVec INDEX OUT [THREADS=2] [-Dall=1: every article, also single-passage ones]
 */
public class DocVec {
  static final int MAX_PIECES = 510;

  record Doc(String id, int passages, String text) {}

  record Cut(String text, int pieces, boolean cut) {}

  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    boolean all = System.getProperty("all") != null;
    Files.createDirectories(out);
    List<Doc> docs = new ArrayList<>();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
      StoredArticles.forEach(
          new IndexSearcher(reader),
          (Article a) -> {
            int passages = PassageSplitter.split(a.body()).size();
            if (all || passages > 1) {
              String title = PassageSplitter.context(a.title());
              String body = a.body() == null ? "" : a.body().strip();
              docs.add(new Doc(a.id(), passages, title.isEmpty() ? body : body.isEmpty() ? title : title + "\n" + body));
            }
          });
    }
    System.err.println("articles to embed: " + docs.size());
    try (Embedder embedder = Embedders.open()) {
      embedder.embedPassages(List.of("warm up")); // sets the tokenizer's cache properties
      HuggingFaceTokenizer tokenizer;
      try (InputStream json = dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder.class.getResourceAsStream(
          "/bge-small-en-v1.5-q-tokenizer.json")) {
        tokenizer = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false", "truncation", "false"));
      }
      List<Cut> cuts = new ArrayList<>();
      int cutCount = 0;
      for (Doc d : docs) {
        Encoding e = tokenizer.encode(d.text(), false, false);
        int n = e.getIds().length;
        if (n <= MAX_PIECES) {
          cuts.add(new Cut(d.text(), n, false));
        } else {
          int end = e.getCharTokenSpans()[MAX_PIECES - 1].getEnd();
          cuts.add(new Cut(d.text().substring(0, end), n, true));
          cutCount++;
        }
      }
      System.err.println("cut to " + MAX_PIECES + " word pieces: " + cutCount);
      long cpu0 = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : 0;
      long t0 = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "docvec-embedder"));
      List<Future<List<float[]>>> parts = new ArrayList<>();
      int batch = 16;
      for (int i = 0; i < cuts.size(); i += batch) {
        List<String> texts = cuts.subList(i, Math.min(cuts.size(), i + batch)).stream().map(Cut::text).toList();
        parts.add(pool.submit(() -> embedder.embedPassages(texts)));
      }
      List<float[]> vectors = new ArrayList<>();
      for (Future<List<float[]>> part : parts) {
        vectors.addAll(part.get());
      }
      pool.shutdown();
      long wall = System.nanoTime() - t0;
      long cpu = (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime() : 0) - cpu0;
      long pieces = cuts.stream().mapToLong(c -> Math.min(c.pieces(), MAX_PIECES)).sum();
      System.err.printf("embedded %d articles (%d word pieces) in %.1f s wall, %.1f s CPU: %.1f ms CPU per article%n",
          cuts.size(), pieces, wall / 1e9, cpu / 1e9, cpu / 1e6 / Math.max(1, cuts.size()));
      // What the library does with a text over 510 word pieces (splits and averages, or cuts): cosine of the whole
      // text's vector with the cut text's, for the first three long articles.
      int shown = 0;
      for (int i = 0; i < cuts.size() && shown < 3; i++) {
        if (cuts.get(i).cut()) {
          float[] whole = embedder.embedPassages(List.of(docs.get(i).text())).get(0);
          double dot = 0;
          for (int j = 0; j < whole.length; j++) dot += whole[j] * vectors.get(i)[j];
          System.err.printf("long article %s (%d pieces): cosine(library on whole text, cut text) = %.4f%n",
              docs.get(i).id(), cuts.get(i).pieces(), dot);
          shown++;
        }
      }
      try (PrintWriter meta = new PrintWriter(Files.newBufferedWriter(out.resolve("docvec.tsv"), StandardCharsets.UTF_8));
          DataOutputStream vec = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve("docvec.f32"))))) {
        for (int i = 0; i < docs.size(); i++) {
          meta.println(docs.get(i).id() + "\t" + cuts.get(i).pieces() + "\t" + docs.get(i).passages() + "\t" + cuts.get(i).cut());
          for (float f : vectors.get(i)) vec.writeFloat(f);
        }
      }
    }
  }
}
