import dev.dealarchive.embed.Embedder;
import dev.dealarchive.embed.Embedders;
import dev.dealarchive.embed.PassageSplitter;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.Passages;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

public class Sent {
  public static void main(String[] args) throws Exception {
    var bean = ManagementFactory.getThreadMXBean();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
        Embedder model = Embedders.open()) {
      IndexSearcher s = new IndexSearcher(reader);
      for (int f = 1; f < args.length; f++) {
        int n = 0, hitT = 0, hitN = 0; long cpu = 0; int sentencesEmbedded = 0;
        for (String line : Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8)) {
          if (line.isBlank() || line.startsWith("#")) continue;
          String[] c = line.split("\t");
          TopDocs td = s.search(new TermQuery(new Term(ArchiveFields.ID, c[0])), 1);
          if (td.scoreDocs.length == 0) { System.out.println("no article " + c[0]); continue; }
          Document d = s.storedFields().document(td.scoreDocs[0].doc);
          String body = d.get(ArchiveFields.BODY), title = d.get(ArchiveFields.TITLE);
          List<String> texts = new ArrayList<>(), plain = new ArrayList<>();
          for (Passages.Sentence x : Passages.sentences(body)) {
            String t = body.substring(x.start(), x.end());
            if (t.startsWith("Sample article written") || t.startsWith("Note:") || t.startsWith("Published")) continue;
            plain.add(t); texts.add(PassageSplitter.context(title) + "\n" + t);
          }
          float[] q = model.embedQuery(c[2]);
          long t0 = bean.getCurrentThreadCpuTime();
          List<float[]> vs = model.embedPassages(texts);
          cpu += bean.getCurrentThreadCpuTime() - t0; sentencesEmbedded += texts.size();
          List<float[]> vn = model.embedPassages(plain);
          int bt = argmax(q, vs), bn = argmax(q, vn);
          boolean okT = plain.get(bt).toLowerCase().contains(c[1].toLowerCase());
          boolean okN = plain.get(bn).toLowerCase().contains(c[1].toLowerCase());
          n++; hitT += okT ? 1 : 0; hitN += okN ? 1 : 0;
          if (!okT && System.getProperty("verbose") != null) System.out.println("  miss " + c[2] + " -> " + plain.get(bt));
        }
        System.out.printf("%s: best single sentence right, title context %d/%d, no title %d/%d; cpu %.1f ms per sentence (%d)%n",
            Path.of(args[f]).getFileName(), hitT, n, hitN, n, cpu / 1e6 / sentencesEmbedded, sentencesEmbedded);
      }
    }
  }
  static int argmax(float[] q, List<float[]> vs) {
    int best = 0; double bv = -9;
    for (int i = 0; i < vs.size(); i++) { double d = 0; for (int k = 0; k < q.length; k++) d += q[k] * vs.get(i)[k]; if (d > bv) { bv = d; best = i; } }
    return best;
  }
}
