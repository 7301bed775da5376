package dev.dealarchive.watch;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feed to poll.
 *
 * @param url the feed's url
 * @param interval time between the end of one poll and the start of the next
 */
public record FeedSource(URI url, Duration interval) {
  public FeedSource {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("feed interval must be positive: " + interval);
    }
  }

  /**
   * Reads a feeds file: one feed per line, its url optionally followed by an interval ({@code 30s}, {@code 15m},
   * {@code 1h}); blank lines and lines starting with {@code #} are ignored.
   *
   * @param defaultInterval the interval of feeds whose line states none
   * @throws IllegalArgumentException naming the file and line of a malformed entry
   */
  public static List<FeedSource> readFile(Path file, Duration defaultInterval) throws IOException {
    List<FeedSource> feeds = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        if (parts.length > 2) {
          throw new IllegalArgumentException("expected a url and an optional interval");
        }
        Duration interval = parts.length == 2 ? parseDuration(parts[1]) : defaultInterval;
        feeds.add(new FeedSource(URI.create(parts[0]), interval));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return feeds;
  }

  /** Parses {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h} or an ISO-8601 duration ({@code PT15M}). */
  public static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.startsWith("pt") || value.startsWith("p")) {
        return Duration.parse(value.toUpperCase(Locale.ROOT));
      }
      if (value.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
      }
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration: " + text + " (use e.g. 500ms, 30s, 15m, 1h)");
    }
  }
}
