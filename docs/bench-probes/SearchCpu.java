import dev.dealarchive.bench.Corpus;
import dev.dealarchive.bench.QueryLog;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.SearchRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/** CPU per search (ArticleSearch.search, 10 hits with snippets) over the bench's 2,000-query log; prints a hash of the results. */
public class SearchCpu {
  public static void main(String[] a) throws Exception {
    List<String> qs = QueryLog.generate(Corpus.read(Path.of(a[1])), 2000, QueryLog.DEFAULT_SEED).queries();
    DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(a[0])));
    IndexSearcher s = new IndexSearcher(reader);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int rounds = Integer.parseInt(a[2]);
    long hash = 0;
    StringBuilder line = new StringBuilder();
    for (int r = 0; r < rounds; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      for (String q : qs) {
        var res = ArticleSearch.search(s, SearchRequest.of(q, 10));
        if (r == 0) hash = hash * 31 + res.hits().toString().hashCode() + res.total();
      }
      long c1 = mx.getCurrentThreadCpuTime();
      if (r >= rounds / 2) line.append(String.format(" %.1f", (c1 - c0) / 1e3 / qs.size()));
    }
    System.out.println("results " + Long.toHexString(hash) + " us/search:" + line);
  }
}
