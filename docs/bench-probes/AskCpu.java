import dev.dealarchive.Archive;
import dev.dealarchive.bench.Corpus;
import dev.dealarchive.bench.QuestionLog;
import dev.dealarchive.bench.QueryLog;
import java.lang.management.*;
import java.nio.file.Path;
import java.util.List;

/** CPU per ask (keyword answers) over the bench's 1,000-question log; prints a hash of the answers (all but the time taken). */
public class AskCpu {
  public static void main(String[] a) throws Exception {
    List<String> qs = QuestionLog.generate(Corpus.read(Path.of(a[1])), 1000, QueryLog.DEFAULT_SEED + 1).questions();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (Archive archive = Archive.open(Path.of(a[0]))) {
      long hash = 0; StringBuilder line = new StringBuilder();
      int rounds = Integer.parseInt(a[2]);
      for (int r = 0; r < rounds; r++) {
        long c0 = mx.getCurrentThreadCpuTime();
        for (String q : qs) { var res = archive.ask(q, 3); if (r == 0) hash = hash * 31 + (res.question() + "|" + res.correctedQuestion() + "|" + res.answer() + "|" + res.hits() + "|" + res.tip() + "|" + res.notices()).hashCode(); }
        long c1 = mx.getCurrentThreadCpuTime();
        if (r >= rounds / 2) line.append(String.format(" %.0f", (c1 - c0) / 1e3 / qs.size()));
      }
      System.out.println("results " + Long.toHexString(hash) + " us/ask:" + line);
    }
  }
}
