package dev.dealarchive.bench;

import dev.dealarchive.Archive;
import dev.dealarchive.answer.AnswerSettings;
import dev.dealarchive.engine.IndexFolder;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The long-running process of the memory phase, run in a child JVM: opens the archive, serves the query log and the
 * question log several rounds, then writes a {@link MemoryReport} as JSON to a file.
 *
 * <p>Arguments: {@code INDEX QUERIES QUESTIONS ROUNDS REPORT}, where QUERIES and QUESTIONS hold one entry a line.
 */
public final class ServeLoop {
  private static final double MB = 1024.0 * 1024.0;

  private ServeLoop() {}

  /** Runs the loop; exits with 0 after writing the report, 1 on failure, 64 on wrong arguments. */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.exit(64);
    }
    Path index = Path.of(args[0]);
    List<String> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8);
    List<String> questions = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
    int rounds = Integer.parseInt(args[3]);
    MemoryReport report = serve(index, queries, questions, rounds);
    Files.writeString(Path.of(args[4]), Corpus.MAPPER.writeValueAsString(report), StandardCharsets.UTF_8);
  }

  static MemoryReport serve(Path index, List<String> queries, List<String> questions, int rounds) throws IOException {
    long searches = 0;
    long asks = 0;
    long start = System.nanoTime();
    try (Archive archive = IndexFolder.at(index).openReader(AnswerSettings.defaults())) {
      LoadDriver.Client searcher = ArchiveUnderTest.searcher(archive, queries);
      LoadDriver.Client asker = ArchiveUnderTest.asker(archive, questions);
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < queries.size(); i++) {
          searcher.run(i);
          searches++;
        }
        for (int i = 0; i < questions.size(); i++) {
          asker.run(i);
          asks++;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double heapPeak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        heapPeak += pool.getPeakUsage().getUsed();
      }
    }
    long gcCount = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, collector.getCollectionCount());
    }
    System.gc();
    double heapAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    ProcStatus status = ProcStatus.self();
    return new MemoryReport(
        Runtime.getRuntime().maxMemory() / MB,
        heapPeak / MB,
        heapAfterGc / MB,
        status.peakResidentKb() / 1024.0,
        status.residentKb() / 1024.0,
        searches,
        asks,
        seconds,
        gcCount);
  }
}
