package dev.dealarchive.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lenient parsing of the date formats found in articles and feeds.
 *
 * <p>Accepted, all read in UTC unless they state an offset or zone:
 *
 * <ul>
 *   <li>ISO-8601 date-times with or without offset or zone: {@code 2026-04-28T10:00:00Z}, {@code
 *       2026-04-28T10:00:00+02:00}, {@code 2026-04-28T10:00:00+0200}, {@code 2026-04-28T10:00},
 *       {@code 2026-04-28T10:00:00+02:00[Europe/Paris]}
 *   <li>the same with a space instead of {@code T}: {@code 2026-04-28 10:00}, {@code 2026-04-28 10:00:00 +0200},
 *       {@code 2026-04-28 10:00:00 UTC}
 *   <li>a plain date, read as midnight UTC: {@code 2026-04-28}
 *   <li>RFC 1123 and RFC 822 dates as used by e-mail, HTTP and RSS: {@code Tue, 28 Apr 2026 10:00:00 GMT}, {@code 28
 *       Apr 2026 10:00 +0000}, {@code Tue, 28 Apr 2026 06:00:00 EDT}; a wrong day of the week is ignored
 *   <li>day-month-year with time as in the Reuters-21578 corpus: {@code 26-FEB-1987 15:01:01.79}
 * </ul>
 *
 * Numbers such as epoch seconds are not dates here.
 */
public final class Dates {
  private static final DateTimeFormatter ISO_DATE_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          // Lenient offsets accept +02, +0200 and +02:00 alike.
          .parseLenient()
          .appendOffset("+HH", "Z")
          .parseStrict()
          .optionalEnd()
          .optionalStart()
          .appendLiteral('[')
          .parseCaseSensitive()
          .appendZoneRegionId()
          .appendLiteral(']')
          .optionalEnd()
          .toFormatter(Locale.ROOT)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final DateTimeFormatter DAY_MONTH_YEAR_TIME =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .appendPattern("d-MMM-uuuu HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ENGLISH)
          .withChronology(IsoChronology.INSTANCE)
          .withResolverStyle(ResolverStyle.STRICT);

  private static final Pattern DAY_MONTH_YEAR_SHAPE = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{4} ");
  private static final Pattern RFC_1123_SHAPE =
      Pattern.compile("(?:[A-Za-z]+,\\s*)?\\d{1,2} [A-Za-z]{3} \\d{4} \\d{1,2}:\\d{2}");
  private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) +(\\d)");
  private static final Pattern UTC_SUFFIX = Pattern.compile("(?i)\\s*(?:UTC|GMT)$");
  private static final Pattern DAY_OF_WEEK = Pattern.compile("^[A-Za-z]+,\\s*");
  private static final Pattern RFC_822_ZONE = Pattern.compile("(?i)\\s([A-Z]{1,3})$");
  private static final Map<String, String> RFC_822_ZONES =
      Map.ofEntries(
          Map.entry("GMT", "GMT"),
          Map.entry("UT", "GMT"),
          Map.entry("UTC", "GMT"),
          Map.entry("Z", "GMT"),
          Map.entry("EST", "-0500"),
          Map.entry("EDT", "-0400"),
          Map.entry("CST", "-0600"),
          Map.entry("CDT", "-0500"),
          Map.entry("MST", "-0700"),
          Map.entry("MDT", "-0600"),
          Map.entry("PST", "-0800"),
          Map.entry("PDT", "-0700"));

  private Dates() {}

  /**
   * Parses {@code text} in one of the accepted formats.
   *
   * @param text a date as found in the input, may be {@code null}
   * @return the instant, or empty when {@code text} is blank or in no accepted format
   */
  public static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String trimmed = text.strip();
    if (trimmed.length() >= 10 && Character.isDigit(trimmed.charAt(0)) && trimmed.charAt(4) == '-') {
      return Optional.ofNullable(parseIso(trimmed));
    }
    // Choosing the format by shape first keeps exceptions, which are slow, for values that are really malformed.
    if (DAY_MONTH_YEAR_SHAPE.matcher(trimmed).lookingAt()) {
      return Optional.ofNullable(parseDayMonthYear(trimmed));
    }
    if (RFC_1123_SHAPE.matcher(trimmed).lookingAt()) {
      return Optional.ofNullable(parseRfc1123(trimmed));
    }
    return Optional.empty();
  }

  /** The warning readers give when a date cannot be parsed. */
  static String unparseableWarning(String text) {
    return "unparseable date '" + text.strip() + "'; article kept without a date";
  }

  private static Instant parseIso(String text) {
    if (text.length() == 10) {
      try {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeException e) {
        return null;
      }
    }
    String normalized = SPACE_SEPARATED.matcher(text).replaceFirst("$1T$2");
    normalized = UTC_SUFFIX.matcher(normalized).replaceFirst("Z");
    try {
      TemporalAccessor parsed = ISO_DATE_TIME.parse(normalized);
      if (parsed.isSupported(ChronoField.INSTANT_SECONDS)) {
        return Instant.from(parsed);
      }
      return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant parseDayMonthYear(String text) {
    try {
      return LocalDateTime.parse(text, DAY_MONTH_YEAR_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static Instant parseRfc1123(String text) {
    String normalized = rfc822ZoneAsOffset(text);
    if (normalized == null) {
      return null;
    }
    Instant parsed = parseRfc1123Strictly(normalized);
    if (parsed == null && DAY_OF_WEEK.matcher(normalized).find()) {
      // Feeds often carry a day of the week that does not match the date; the date wins.
      parsed = parseRfc1123Strictly(DAY_OF_WEEK.matcher(normalized).replaceFirst(""));
    }
    return parsed;
  }

  private static Instant parseRfc1123Strictly(String text) {
    try {
      return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Replaces a zone name at the end by the offset RFC 1123 parsing understands, or null for an unknown name. */
  private static String rfc822ZoneAsOffset(String text) {
    Matcher zone = RFC_822_ZONE.matcher(text);
    if (!zone.find()) {
      return text;
    }
    String offset = RFC_822_ZONES.get(zone.group(1).toUpperCase(Locale.ROOT));
    return offset == null ? null : text.substring(0, zone.start()) + " " + offset;
  }
}
