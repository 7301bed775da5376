package dev.dealarchive.bot;

import dev.dealarchive.engine.IndexFolder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article ids the bot has seen in the index and when it first saw each, in the index folder's
 * {@link IndexFolder#seenArticlesFile()}: one line per id, {@code epochMillis<TAB>id}, appended and forced to disk after the notifications for them
 * were posted. Because an id is only ever added, an updated article (same id) or one deleted and indexed again is
 * never "new" a second time; because the file outlives the bot, articles committed while it was down are new on its
 * next start. A line torn by a crash is ignored on reading, so its article is seen again at the next start (and
 * posted once more, the only duplicate a crash can cause).
 *
 * <p>The first time (no file yet) every article already in the index is recorded as seen at time 0, "before the
 * bot", so a new installation does not announce the whole archive.
 */
final class SeenArticles {
  private final Path file;
  private final Map<String, Long> firstSeen = new HashMap<>();
  private boolean exists;

  private SeenArticles(Path file) {
    this.file = file;
  }

  /** Reads the log of an index folder; empty when there is none yet. */
  static SeenArticles load(IndexFolder folder) throws IOException {
    SeenArticles seen = new SeenArticles(folder.seenArticlesFile());
    List<String> lines;
    try {
      lines = Files.readAllLines(seen.file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return seen;
    }
    seen.exists = true;
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        continue;
      }
      try {
        long millis = Long.parseLong(line.substring(0, tab));
        seen.firstSeen.putIfAbsent(unescape(line.substring(tab + 1)), millis);
      } catch (NumberFormatException e) {
        // a torn line: its article is seen again
      }
    }
    return seen;
  }

  /** Whether the log exists, that is, whether the bot has looked at this index before. */
  synchronized boolean exists() {
    return exists;
  }

  synchronized boolean contains(String id) {
    return firstSeen.containsKey(id);
  }

  synchronized int size() {
    return firstSeen.size();
  }

  /** Records {@code ids} as first seen at {@code when} (ids already seen keep their time), forced to disk. */
  synchronized void record(Collection<String> ids, Instant when) throws IOException {
    StringBuilder lines = new StringBuilder();
    long millis = when.toEpochMilli();
    List<String> added = new ArrayList<>();
    for (String id : ids) {
      if (!firstSeen.containsKey(id)) {
        lines.append(millis).append('\t').append(escape(id)).append('\n');
        added.add(id);
      }
    }
    if (added.isEmpty() && exists) {
      return;
    }
    Files.createDirectories(file.getParent());
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
      channel.force(false);
    }
    exists = true;
    for (String id : added) {
      firstSeen.put(id, millis);
    }
  }

  /** Ids first seen in {@code [from, until)}, those seen first last; never the ids recorded "before the bot". */
  synchronized List<String> seenBetween(Instant from, Instant until) {
    long start = Math.max(1, from.toEpochMilli());
    long end = until.toEpochMilli();
    return firstSeen.entrySet().stream()
        .filter(e -> e.getValue() >= start && e.getValue() < end)
        .sorted(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** The {@code n} ids seen most recently (after the first start), newest first. */
  synchronized List<String> newest(int n) {
    return firstSeen.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(n)
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Tabs, line breaks and backslashes in ids would break the line format; they are written as escapes. */
  private static String escape(String id) {
    return id.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
