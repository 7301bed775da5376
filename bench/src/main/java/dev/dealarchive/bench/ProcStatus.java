package dev.dealarchive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory of a Linux process from {@code /proc/PID/status}; zero where the file does not exist.
 *
 * @param peakResidentKb {@code VmHWM}, the peak resident set, in kB
 * @param residentKb {@code VmRSS}, the current resident set, in kB
 */
record ProcStatus(long peakResidentKb, long residentKb) {
  /** The status of the current process. */
  static ProcStatus self() throws IOException {
    return of(Path.of("/proc/self/status"));
  }

  /** Parses a status file; zero for fields (or a file) that are missing. */
  static ProcStatus of(Path status) throws IOException {
    if (!Files.exists(status)) {
      return new ProcStatus(0, 0);
    }
    long peak = 0;
    long resident = 0;
    for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
      if (line.startsWith("VmHWM:")) {
        peak = kilobytes(line);
      } else if (line.startsWith("VmRSS:")) {
        resident = kilobytes(line);
      }
    }
    return new ProcStatus(peak, resident);
  }

  private static long kilobytes(String line) {
    String digits = line.replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}
