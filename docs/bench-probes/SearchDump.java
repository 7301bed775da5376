import dev.dealarchive.bench.Corpus;
import dev.dealarchive.bench.QueryLog;
import dev.dealarchive.search.ArticleSearch;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SortOrder;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.FSDirectory;

/** Every result of the bench's 2,000-query log in both orders, one line per result and hit, to diff two indexes or builds. */
public class SearchDump {
  public static void main(String[] a) throws Exception {
    List<String> qs = QueryLog.generate(Corpus.read(Path.of(a[1])), 2000, QueryLog.DEFAULT_SEED).queries();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(a[0])));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(a[2]), StandardCharsets.UTF_8))) {
      IndexSearcher s = new IndexSearcher(reader);
      for (String q : qs) {
        for (SortOrder order : SortOrder.values()) {
          var res = ArticleSearch.search(s, new SearchRequest(q, 10, 0, order));
          out.println(q + " | " + order + " | total " + (res.totalIsLowerBound() ? ">=" : "") + res.total());
          res.hits().forEach(h -> out.println("  " + h));
        }
      }
    }
  }
}
