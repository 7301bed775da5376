// Checks docs/web.md "Facets in the search's pass": see docs/web-speed/README.md.
import dev.dealarchive.Archive;
import dev.dealarchive.search.FacetedResult;
import dev.dealarchive.search.Facets;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SearchResult;
import dev.dealarchive.search.SortOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Checks searchWithFacets equals search + facets (but for the time taken) on many Reuters queries. */
public class Same {
  public static void main(String[] args) throws Exception {
    try (Archive archive = Archive.open(Path.of(args[0]))) {
      List<SearchHit> latest = archive.latest(2000);
      List<String> words = new ArrayList<>(new LinkedHashSet<>(latest.stream()
          .flatMap(h -> Arrays.stream(h.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
          .filter(w -> w.length() >= 3).toList()));
      Random random = new Random(7);
      String[] extras = {"", " source:reuters", " during:1987", " after:1987-03-01", " -said", " tag:usa", " OR oil", "?"};
      int checked = 0, differ = 0;
      for (int i = 0; i < 3000; i++) {
        String q = words.get(random.nextInt(words.size()));
        if (random.nextBoolean()) q += " " + words.get(random.nextInt(words.size()));
        q += extras[random.nextInt(extras.length)];
        SortOrder sort = random.nextInt(4) == 0 ? SortOrder.NEWEST : SortOrder.RELEVANCE;
        SearchRequest r = new SearchRequest(q, 10, random.nextInt(3) * 10, sort);
        SearchResult a = archive.search(r);
        Facets f = archive.facets(q, 20);
        FacetedResult b = archive.searchWithFacets(r, 20);
        boolean same = a.total() == b.result().total() && a.totalIsLowerBound() == b.result().totalIsLowerBound()
            && a.hits().equals(b.result().hits()) && a.notices().equals(b.result().notices()) && f.equals(b.facets());
        checked++;
        if (!same) { differ++; System.out.println("DIFFER: " + r); }
      }
      System.out.println("checked " + checked + ", differ " + differ);
    }
  }
}
