import dev.dealarchive.bench.Corpus;
import dev.dealarchive.bench.QueryLog;
import dev.dealarchive.indexing.ArchiveFields;
import dev.dealarchive.search.*;
import java.lang.management.*;
import java.nio.file.Path;
import java.util.*;
import org.apache.lucene.index.*;
import org.apache.lucene.search.*;
import org.apache.lucene.store.FSDirectory;

/** CPU of Passages.matches over the bodies of the bench queries' top-10 hits. */
public class MatchCpu {
  public static void main(String[] a) throws Exception {
    List<String> qs = QueryLog.generate(Corpus.read(Path.of(a[1])), 2000, QueryLog.DEFAULT_SEED).queries();
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(a[0])));
    IndexSearcher s = new IndexSearcher(reader);
    List<String> bodies = new ArrayList<>(); List<MatchTerms> terms = new ArrayList<>();
    for (String q : qs) {
      var res = ArticleSearch.search(s, SearchRequest.of(q, 10));
      MatchTerms t = MatchTerms.of(QueryLanguage.parse(q).positiveParts());
      for (SearchHit h : res.hits()) {
        TopDocs td = s.search(new TermQuery(new Term(ArchiveFields.ID, h.id())), 1);
        bodies.add(s.storedFields().document(td.scoreDocs[0].doc).get(ArchiveFields.BODY)); terms.add(t);
      }
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long h = 0; StringBuilder line = new StringBuilder();
    for (int r = 0; r < 30; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < bodies.size(); i++) h += Passages.matches(bodies.get(i), terms.get(i)).size();
      long c1 = mx.getCurrentThreadCpuTime();
      if (r >= 20) line.append(String.format(" %.2f", (c1 - c0) / 1e3 / bodies.size()));
    }
    System.out.println(bodies.size() + " bodies, hash " + h + " us/body:" + line);
  }
}
