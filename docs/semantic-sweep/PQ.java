import dev.dealarchive.Archive;
import dev.dealarchive.answer.Answer;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.answer.AskResult;
import dev.dealarchive.hybrid.HybridSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

public class PQ {
  public static void main(String[] args) throws Exception {
    Path index = Path.of(args[0]);
    boolean verbose = System.getProperty("verbose") != null;
    try (Archive archive = Archive.open(index, AnswerSettings.defaults(), HybridSettings.defaults())) {
      for (int f = 1; f < args.length; f++) {
        int n = 0, art = 0, pas = 0; long worst = 0; long total = 0;
        StringBuilder misses = new StringBuilder();
        for (String line : Files.readAllLines(Path.of(args[f]), StandardCharsets.UTF_8)) {
          if (line.isBlank() || line.startsWith("#")) continue;
          String[] c = line.split("\t");
          long t0 = System.nanoTime();
          AskResult r = archive.ask(c[2], 5);
          long dt = System.nanoTime() - t0; total += dt; worst = Math.max(worst, dt);
          Answer a = r.answer();
          boolean ra = a != null && a.article().id().equals(c[0]);
          boolean rp = ra && a.passage().text().toLowerCase(Locale.ROOT).contains(c[1].toLowerCase(Locale.ROOT));
          n++; art += ra ? 1 : 0; pas += rp ? 1 : 0;
          if (!rp) misses.append("  MISS ").append(c[2]).append(" [").append(c[1]).append("] -> ")
              .append(a == null ? "none" : (ra ? "" : a.article().id() + ": ") + a.passage().text()).append('\n');
        }
        System.out.printf(Locale.ROOT, "%s: passage %d/%d %.1f%%, article %d/%d, mean %.1f ms, worst %.1f ms%n",
            Path.of(args[f]).getFileName(), pas, n, 100.0 * pas / n, art, n, total / 1e6 / n, worst / 1e6);
        if (verbose) System.out.print(misses);
      }
    }
  }
}
