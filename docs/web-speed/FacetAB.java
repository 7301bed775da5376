// Measures docs/web.md "Facets in the search's pass": see docs/web-speed/README.md.
import dev.dealarchive.Archive;
import dev.dealarchive.search.SearchHit;
import dev.dealarchive.search.SearchRequest;
import dev.dealarchive.search.SortOrder;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Interleaved A/B of search+facets: two passes (search, then facets) against one pass (searchWithFacets). */
public class FacetAB {
  public static void main(String[] args) throws Exception {
    try (Archive archive = Archive.open(Path.of(args[0]))) {
      List<SearchHit> latest = archive.latest(2000);
      List<String> words = new ArrayList<>(new LinkedHashSet<>(latest.stream()
          .flatMap(h -> Arrays.stream(h.title().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")))
          .filter(w -> w.length() >= 4).toList()));
      Random random = new Random(42);
      List<SearchRequest> requests = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        String q = words.get(random.nextInt(words.size()));
        if (random.nextBoolean()) q += " " + words.get(random.nextInt(words.size()));
        SortOrder sort = random.nextInt(6) == 0 ? SortOrder.NEWEST : SortOrder.RELEVANCE;
        requests.add(new SearchRequest(q, 10, 0, sort));
      }
      var threads = ManagementFactory.getThreadMXBean();
      int rounds = Integer.parseInt(args[1]);
      long[] cpu = new long[3];
      long[] n = new long[3];
      long exact = 0;
      for (int round = 0; round < rounds; round++) {
        for (int variant : round % 2 == 0 ? new int[] {0, 1, 2} : new int[] {2, 1, 0}) {
          long start = threads.getCurrentThreadCpuTime();
          for (SearchRequest r : requests) {
            if (variant == 0) {
              archive.search(r);
              archive.facets(r.query(), 20);
            } else if (variant == 1) {
              archive.searchWithFacets(r, 20);
            } else {
              archive.search(r);
            }
          }
          long took = threads.getCurrentThreadCpuTime() - start;
          if (round >= rounds / 3) { cpu[variant] += took; n[variant] += requests.size(); }
        }
        if (round >= rounds / 3) {
          System.out.printf(Locale.ROOT, "round %d: two passes %.3f ms, one pass %.3f ms, search alone %.3f ms per search%n", round,
              cpu[0] / 1e6 / n[0], cpu[1] / 1e6 / n[1], cpu[2] / 1e6 / n[2]);
        }
      }
      for (SearchRequest r : requests) {
        if (!archive.search(r).totalIsLowerBound() && r.sort() == SortOrder.RELEVANCE) exact++;
      }
      System.out.printf(Locale.ROOT, "relevance searches with exact totals: %d of %d%n", exact, requests.size());
    }
  }
}
