package dev.dealarchive.indexing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code archive index} (a child JVM, embedding with the test model {@code HashingEmbedder}, so kills also land
 * between the keyword commit and the vectors' commit and while passages are written) with the equivalent of {@code kill -9} at random moments, twenty times in a
 * row, changing the corpus between runs and rebuilding with {@code --full} now and then. After every kill the index
 * must pass {@link CheckIndex} and hold exactly the articles of the last commit (the corpus before or after the
 * interrupted run, nothing in between, nothing doubled); a final run must end with exactly the expected ids. The same
 * kills during the upgrade of a schema-2 index must leave it whole, of one schema or the other.
 */
class CrashSafetyTest {
  private static final int KILLS = 20;
  private static final int FILES = 60;
  private static final int PER_FILE = 50;

  @TempDir Path temp;

  /** Articles by file: file name → (id → revision). */
  private final TreeMap<String, TreeMap<String, Integer>> corpus = new TreeMap<>();
  private int nextFile;

  @Test
  void forcedKillsNeverCorruptLoseOrDoubleAnArticle() throws Exception {
    Path data = writeCorpus();
    Path index = temp.resolve("index");
    Random random = new Random(20260428);
    long runMillis = calibrate(data);
    Set<String> committed = Set.of();
    int killedMidRun = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      if (kill > 1) {
        change(data, random);
      }
      Set<String> expected = expectedIds();
      boolean full = kill % 5 == 0;
      changes.add("run " + kill + (full ? " --full" : ""));
      Path log = temp.resolve("run-" + kill + ".log");
      Process child = start(index, data, full, ProcessBuilder.Redirect.to(log.toFile()));
      if (killWithin(child, runMillis, random)) {
        killedMidRun++;
      }

      List<String> ids = checkedIds(index, committed.isEmpty());
      Set<String> unique = new TreeSet<>(ids);
      assertEquals(ids.size(), unique.size(), "no article is doubled after kill " + kill);
      if (!unique.equals(committed) && !unique.equals(expected)) {
        fail("after kill " + kill + " the index holds neither the last commit nor the new corpus: "
            + unique.size() + " ids, expected " + committed.size() + " or " + expected.size()
            + "; changes: " + changes + "; vs last commit " + difference(committed, unique)
            + "; vs corpus " + difference(expected, unique) + "; runs said: " + logs(kill));
      }
      committed = unique;
    }
    assertTrue(killedMidRun >= KILLS / 4, "kills hit a running indexer: " + killedMidRun);

    Process last = start(index, data, false, ProcessBuilder.Redirect.to(temp.resolve("last-run.log").toFile()));
    assertTrue(last.waitFor(60, TimeUnit.SECONDS), "the final run finishes");
    assertEquals(0, last.exitValue(), "the final run succeeds");
    List<String> ids = checkedIds(index, false);
    assertEquals(ids.size(), new HashSet<>(ids).size(), "no article is doubled");
    Set<String> missing = new TreeSet<>(expectedIds());
    missing.removeAll(ids);
    Set<String> extra = new TreeSet<>(ids);
    extra.removeAll(expectedIds());
    assertTrue(missing.isEmpty() && extra.isEmpty(), "after the final run, missing " + missing + ", extra " + extra
        + "; last run said: " + Files.readString(temp.resolve("last-run.log")));
    assertEquals(0, waitingForVectors, "after the final run every article has its vectors");
  }

  /**
   * The first writer of a schema-2 index rewrites it in one commit ({@link SchemaUpgrade}): killed at random moments
   * of that run, the index must be whole, hold every article with its passages, and be of schema 2 or 3, never a mix;
   * a final run ends upgraded.
   */
  @Test
  void forcedKillsDuringASchemaUpgradeLeaveTheOldIndexOrTheUpgradedOne() throws Exception {
    Path data = writeCorpus();
    Path index = temp.resolve("index");
    Set<String> expected = expectedIds();
    runToTheEnd(index, data, "first-run");
    assertEquals(expected, new TreeSet<>(checkedIds(index, false)));
    assertEquals(0, waitingForVectors, "every article has its passages before the upgrade");

    Schema2Index.rewrite(index);
    long started = System.nanoTime();
    runToTheEnd(index, data, "timed-upgrade");
    long upgradeRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertEquals(ArchiveFields.SCHEMA_VERSION, schema(index));

    Random random = new Random(20261130);
    int killedMidRun = 0;
    int upgradedBeforeTheKill = 0;
    for (int kill = 1; kill <= UPGRADE_KILLS; kill++) {
      if (!Schema2Index.VERSION.equals(schema(index))) {
        Schema2Index.rewrite(index);
      }
      Process child = start(index, data, false, ProcessBuilder.Redirect.DISCARD);
      if (killWithin(child, upgradeRunMillis, random)) {
        killedMidRun++;
      }

      List<String> ids = checkedIds(index, false);
      assertEquals(ids.size(), new HashSet<>(ids).size(), "no article is doubled after kill " + kill);
      assertEquals(expected, new TreeSet<>(ids), "every article is there after kill " + kill);
      assertEquals(0, waitingForVectors, "every article keeps its passages after kill " + kill);
      String schema = schema(index);
      assertTrue(Set.of(Schema2Index.VERSION, ArchiveFields.SCHEMA_VERSION).contains(schema), schema);
      if (ArchiveFields.SCHEMA_VERSION.equals(schema)) {
        upgradedBeforeTheKill++;
      }
    }
    assertTrue(killedMidRun >= UPGRADE_KILLS / 4, "kills hit a running upgrade: " + killedMidRun);
    assertTrue(upgradedBeforeTheKill < UPGRADE_KILLS, "some kills came before the upgrade's commit");

    runToTheEnd(index, data, "last-run");
    assertEquals(ArchiveFields.SCHEMA_VERSION, schema(index));
    assertEquals(expected, new TreeSet<>(checkedIds(index, false)));
    assertEquals(0, waitingForVectors, "after the final run every article has its vectors");
  }

  private static final int UPGRADE_KILLS = 8;

  /** The corpus of {@value #FILES} files of {@value #PER_FILE} articles each, in a new folder. */
  private Path writeCorpus() throws IOException {
    Path data = Files.createDirectories(temp.resolve("data"));
    for (int i = 0; i < FILES; i++) {
      newFile(data);
    }
    return data;
  }

  /**
   * Kills {@code child} at a random moment within the time a whole run takes here ({@code runMillis}), so most kills
   * land mid-run however fast it is; returns whether it was still running then.
   */
  private static boolean killWithin(Process child, long runMillis, Random random) throws InterruptedException {
    long delayMillis = 50 + random.nextInt((int) Math.max(100, runMillis * 8 / 10));
    boolean running = !child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child is gone");
    return running;
  }

  private void runToTheEnd(Path index, Path data, String name) throws Exception {
    Path log = temp.resolve(name + ".log");
    Process run = start(index, data, false, ProcessBuilder.Redirect.to(log.toFile()));
    assertTrue(run.waitFor(120, TimeUnit.SECONDS), name + " finishes");
    assertEquals(0, run.exitValue(), name + " succeeds: " + Files.readString(log));
  }

  private static String schema(Path index) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      return SchemaCheck.version(directory);
    }
  }

  private final List<String> changes = new ArrayList<>();

  private static String difference(Set<String> wanted, Set<String> found) {
    Set<String> missing = new TreeSet<>(wanted);
    missing.removeAll(found);
    Set<String> extra = new TreeSet<>(found);
    extra.removeAll(wanted);
    return "missing " + byFile(missing) + ", extra " + byFile(extra);
  }

  private static TreeMap<String, Integer> byFile(Set<String> ids) {
    TreeMap<String, Integer> counts = new TreeMap<>();
    ids.forEach(id -> counts.merge(id.substring(0, 9), 1, Integer::sum));
    return counts;
  }

  private String logs(int upTo) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int k = Math.max(1, upTo - 3); k <= upTo; k++) {
      text.append("\n run ").append(k).append(": ").append(Files.readString(temp.resolve("run-" + k + ".log")).strip());
    }
    return text.toString();
  }

  private Process start(Path index, Path data, boolean full, ProcessBuilder.Redirect output) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED", "-Darchive.model=hashing",
        "-cp", System.getProperty("java.class.path"),
        "dev.dealarchive.cli.ArchiveCommand", "index", "--index", index.toString(), "--threads", "2"));
    if (full) {
      command.add("--full");
    }
    command.add(data.toString());
    return new ProcessBuilder(command)
        .redirectOutput(output)
        .redirectError(temp.resolve("child-errors.log").toFile())
        .start();
  }

  /** How long one uninterrupted full run over {@code data} takes here, into a scratch index. */
  private long calibrate(Path data) throws Exception {
    long started = System.nanoTime();
    Process child = start(temp.resolve("calibration-index"), data, false, ProcessBuilder.Redirect.DISCARD);
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the calibration run finishes");
    assertEquals(0, child.exitValue(), "the calibration run succeeds");
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
  }

  /** Articles of the last {@link #checkedIds} call that have no vectors yet. */
  private static int waitingForVectors;

  /**
   * Runs CheckIndex, checks that each live passage sits in its own article's block and that an article has passages
   * exactly when it is marked embedded, then returns every live article id, one per article document.
   */
  private static List<String> checkedIds(Path index, boolean mayBeEmpty) throws IOException {
    try (Directory directory = FSDirectory.open(index)) {
      if (!DirectoryReader.indexExists(directory)) {
        assertTrue(mayBeEmpty, "an index that was committed is still there");
        return List.of();
      }
      try (CheckIndex check = new CheckIndex(directory)) {
        CheckIndex.Status status = check.checkIndex();
        assertTrue(status.clean, "CheckIndex finds the index clean");
      }
      List<String> ids = new ArrayList<>();
      waitingForVectors = 0;
      Set<String> read = Set.of(ArchiveFields.ID, ArchiveFields.PASSAGE_OF, ArchiveFields.EMBEDDED_WITH);
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        for (LeafReaderContext leaf : reader.leaves()) {
          Bits live = leaf.reader().getLiveDocs();
          StoredFields fields = leaf.reader().storedFields();
          // The live passages since the last article: they must all belong to the next article (their block).
          List<String> passagesOf = new ArrayList<>();
          for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
            if (live != null && !live.get(doc)) {
              continue;
            }
            Document document = fields.document(doc, read);
            String id = document.get(ArchiveFields.ID);
            if (id == null) {
              passagesOf.add(document.get(ArchiveFields.PASSAGE_OF));
              continue;
            }
            for (String owner : passagesOf) {
              assertEquals(id, owner, "a passage of " + owner + " sits in the block of " + id + " (stale passage)");
            }
            if (document.get(ArchiveFields.EMBEDDED_WITH) == null) {
              assertTrue(passagesOf.isEmpty(), id + " waits for vectors and has no passages");
              waitingForVectors++;
            } else {
              assertFalse(passagesOf.isEmpty(), id + " is marked embedded and has its passages");
            }
            passagesOf.clear();
            ids.add(id);
          }
          assertTrue(passagesOf.isEmpty(), "no passage without its article at the end of a segment: " + passagesOf);
        }
      }
      return ids;
    }
  }

  private Set<String> expectedIds() {
    Set<String> ids = new TreeSet<>();
    corpus.values().forEach(file -> ids.addAll(file.keySet()));
    return ids;
  }

  /** One change between runs: a new file, a rewritten file (revised and dropped articles) or a deleted file. */
  private void change(Path data, Random random) throws IOException {
    switch (random.nextInt(3)) {
      case 0 -> changes.add("new " + newFile(data));
      case 1 -> {
        String name = pick(random);
        TreeMap<String, Integer> articles = corpus.get(name);
        List<String> ids = new ArrayList<>(articles.keySet());
        for (int i = 0; i < ids.size(); i++) {
          if (i % 7 == 0) {
            articles.remove(ids.get(i));
          } else if (i % 2 == 0) {
            articles.merge(ids.get(i), 1, Integer::sum);
          }
        }
        write(data, name);
        changes.add("rewrite " + name);
      }
      default -> {
        String name = pick(random);
        corpus.remove(name);
        Files.delete(data.resolve(name));
        changes.add("delete " + name);
      }
    }
  }

  private String pick(Random random) {
    List<String> names = new ArrayList<>(corpus.keySet());
    return names.get(random.nextInt(names.size()));
  }

  private String newFile(Path data) throws IOException {
    String name = String.format("batch-%03d.jsonl", nextFile++);
    TreeMap<String, Integer> articles = new TreeMap<>();
    for (int i = 0; i < PER_FILE; i++) {
      articles.put(name.substring(0, 9) + "-" + i, 0);
    }
    corpus.put(name, articles);
    write(data, name);
    return name;
  }

  private void write(Path data, String name) throws IOException {
    StringBuilder lines = new StringBuilder();
    corpus.get(name).forEach((id, revision) -> lines.append(String.format(
        "{\"id\":\"%s\",\"title\":\"Partnership %s revision %d\",\"date\":\"2026-04-28\","
            + "\"source\":\"Crash Wire\",\"body\":\"Company %s signs agreement %d with partner %s. %s\"}%n",
        id, id, revision, id, revision, id, "Terms were not disclosed. ".repeat(8))));
    Path temp = data.resolve("." + name + ".tmp");
    Files.writeString(temp, lines, StandardCharsets.UTF_8);
    Files.move(temp, data.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
