package dev.dealarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a benchmark ran on.
 *
 * @param cores processors available to the JVM
 * @param memoryMb physical memory ({@code MemTotal} of {@code /proc/meminfo}), 0 where unknown
 * @param cpu processor model, or {@code unknown}
 * @param jdk Java vendor and runtime version
 * @param os operating system name, version and architecture
 */
public record Machine(int cores, long memoryMb, String cpu, String jdk, String os) {
  /** This machine. */
  public static Machine current() {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField(Path.of("/proc/meminfo"), "MemTotal") / 1024,
        procText(Path.of("/proc/cpuinfo"), "model name"),
        System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
  }

  /** One line for the table's heading. */
  public String describe() {
    return String.format(
        "%d cores (%s), %,d MB memory, %s, %s", cores, cpu, memoryMb, "Java " + jdk, os);
  }

  /**
   * The one-minute load average of the machine ({@code /proc/loadavg}), or -1 where unknown. Other work on the
   * machine skews every figure; a load above the core count means the run shared the processors.
   */
  public static double loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).strip().split("\\s+");
      return Double.parseDouble(fields[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long procField(Path file, String name) {
    String value = procText(file, name).replaceAll("[^0-9]", "");
    return value.isEmpty() ? 0 : Long.parseLong(value);
  }

  private static String procText(Path file, String name) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals(name)) {
          return line.substring(colon + 1).strip();
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
    return "unknown";
  }
}
