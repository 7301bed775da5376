package dev.dealarchive.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-04-28T10:00:00Z            | 2026-04-28T10:00:00Z",
        "2026-04-28T10:00:00.250Z        | 2026-04-28T10:00:00.250Z",
        "2026-04-28T12:00:00+02:00       | 2026-04-28T10:00:00Z",
        "2026-04-28T12:00:00+0200        | 2026-04-28T10:00:00Z",
        "2026-04-28T12:00:00+02          | 2026-04-28T10:00:00Z",
        "2026-04-28T12:00:00+02:00[Europe/Paris] | 2026-04-28T10:00:00Z",
        "2026-04-28T10:00:00             | 2026-04-28T10:00:00Z",
        "2026-04-28T10:00                | 2026-04-28T10:00:00Z",
        "2026-04-28                      | 2026-04-28T00:00:00Z",
        "2026-04-28 10:00                | 2026-04-28T10:00:00Z",
        "2026-04-28 10:00:30             | 2026-04-28T10:00:30Z",
        "2026-04-28 12:00:00 +0200       | 2026-04-28T10:00:00Z",
        "2026-04-28 10:00:00 UTC         | 2026-04-28T10:00:00Z",
        "Tue, 28 Apr 2026 10:00:00 GMT   | 2026-04-28T10:00:00Z",
        "Tue, 28 Apr 2026 12:00:00 +0200 | 2026-04-28T10:00:00Z",
        "Tue, 28 Apr 2026 10:00:00 +0000 | 2026-04-28T10:00:00Z",
        "Tue, 28 Apr 2026 06:00:00 EDT   | 2026-04-28T10:00:00Z",
        "Tue, 28 Apr 2026 10:00 UT       | 2026-04-28T10:00:00Z",
        "28 Apr 2026 10:00:00 GMT        | 2026-04-28T10:00:00Z",
        "Mon, 5 May 2025 08:30:00 GMT    | 2025-05-05T08:30:00Z",
        "Fri, 28 Apr 2026 10:00:00 GMT   | 2026-04-28T10:00:00Z",
        "26-FEB-1987 15:01:01.79         | 1987-02-26T15:01:01.790Z",
        "5-Mar-1987 09:00:00             | 1987-03-05T09:00:00Z",
      })
  void parsesAcceptedFormats(String text, String expected) {
    assertEquals(Optional.of(Instant.parse(expected)), Dates.parse(text));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(
      strings = {
        "",
        "  ",
        "next Tuesday",
        "1777370400",
        "2026-13-01",
        "2026-02-30",
        "28/04/2026",
        "Tue, 28 Apr 2026 10:00:00 XYZ"
      })
  void rejectsEverythingElse(String text) {
    assertEquals(Optional.empty(), Dates.parse(text));
  }

  @Test
  void nullIsNoDate() {
    assertEquals(Optional.empty(), Dates.parse(null));
  }
}
