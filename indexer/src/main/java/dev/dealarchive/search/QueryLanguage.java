package dev.dealarchive.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the archive's query language, modelled on Slack's search: plain words (all must match), {@code "quoted
 * phrases"}, {@code -word} to exclude, {@code OR} between alternatives, the filters {@code title:}, {@code source:},
 * {@code tag:}, {@code after:YYYY-MM-DD}, {@code before:YYYY-MM-DD}, {@code during:YYYY} or {@code during:YYYY-MM}.
 *
 * <p>Parsing never fails: what cannot be read as written is read as plain words, and a notice says so.
 */
public final class QueryLanguage {
  private static final Pattern FIELD = Pattern.compile("(?i)(title|source|tag|after|before|during):(.*)");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private QueryLanguage() {}

  private enum Kind {
    TEXT,
    PHRASE,
    FIELD,
    OR
  }

  private record Token(Kind kind, String text, String field, boolean quoted, boolean negated) {}

  /** Parses {@code query}. */
  public static ParsedQuery parse(String query) {
    List<String> notices = new ArrayList<>();
    List<Token> tokens = tokenize(query == null ? "" : query, notices);
    Builder builder = new Builder(notices);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.kind() == Kind.OR) {
        boolean joinable =
            builder.lastWasPositivePart && i + 1 < tokens.size() && isPositivePart(tokens.get(i + 1));
        if (joinable) {
          builder.joinNext = true;
        } else {
          notices.add("OR needs a word or phrase on both sides; it was searched as the word \"or\"");
          builder.addPart(QueryPart.word("or"), false);
        }
        continue;
      }
      builder.add(token);
    }
    return builder.build();
  }

  private static boolean isPositivePart(Token token) {
    if (token.negated()) {
      return false;
    }
    return token.kind() == Kind.TEXT
        || token.kind() == Kind.PHRASE
        || (token.kind() == Kind.FIELD && token.field().equals("title"));
  }

  private static List<Token> tokenize(String query, List<String> notices) {
    List<Token> tokens = new ArrayList<>();
    int length = query.length();
    int i = 0;
    while (i < length) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < length && !Character.isWhitespace(query.charAt(i + 1))) {
        negated = true;
        i++;
        c = query.charAt(i);
      }
      if (c == '"') {
        int close = query.indexOf('"', i + 1);
        if (close < 0) {
          notices.add("a quote is not closed; the words after it were searched as plain words");
          i++;
          continue;
        }
        String phrase = query.substring(i + 1, close).strip();
        if (!phrase.isEmpty()) {
          tokens.add(new Token(Kind.PHRASE, phrase, null, true, negated));
        }
        i = close + 1;
        continue;
      }
      int end = i;
      while (end < length && !Character.isWhitespace(query.charAt(end))) {
        if (query.charAt(end) == ':' && end + 1 < length && query.charAt(end + 1) == '"') {
          int close = query.indexOf('"', end + 2);
          if (close > 0) {
            end = close + 1;
            break;
          }
          notices.add("a quote is not closed; the words after it were searched as plain words");
        }
        end++;
      }
      String word = query.substring(i, end);
      i = end;
      if (!negated && word.equals("OR")) {
        tokens.add(new Token(Kind.OR, word, null, false, false));
        continue;
      }
      Matcher field = FIELD.matcher(word);
      if (field.matches() && !field.group(2).isEmpty()) {
        String value = field.group(2);
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        if (quoted) {
          value = value.substring(1, value.length() - 1).strip();
        } else {
          value = value.replace("\"", "");
        }
        if (!value.isEmpty()) {
          tokens.add(new Token(Kind.FIELD, value, field.group(1).toLowerCase(Locale.ROOT), quoted, negated));
        }
        continue;
      }
      String cleaned = word.replace("\"", "");
      if (!cleaned.isEmpty()) {
        tokens.add(new Token(Kind.TEXT, cleaned, null, false, negated));
      }
    }
    return tokens;
  }

  /** Collects parts and filters while reading tokens left to right. */
  private static final class Builder {
    final List<String> notices;
    final List<List<QueryPart>> groups = new ArrayList<>();
    final List<QueryPart> excluded = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final List<String> tags = new ArrayList<>();
    Instant from;
    Instant until;
    boolean lastWasPositivePart;
    boolean joinNext;

    Builder(List<String> notices) {
      this.notices = notices;
    }

    void add(Token token) {
      switch (token.kind()) {
        case TEXT -> addPart(QueryPart.word(token.text()), token.negated());
        case PHRASE -> addPart(new QueryPart(token.text(), true, false), token.negated());
        case FIELD -> addField(token);
        case OR -> throw new IllegalStateException("OR is handled by the parser");
      }
    }

    void addPart(QueryPart part, boolean negated) {
      if (negated) {
        excluded.add(part);
        lastWasPositivePart = false;
        joinNext = false;
        return;
      }
      if (joinNext && !groups.isEmpty()) {
        groups.get(groups.size() - 1).add(part);
      } else {
        List<QueryPart> group = new ArrayList<>();
        group.add(part);
        groups.add(group);
      }
      joinNext = false;
      lastWasPositivePart = true;
    }

    void addField(Token token) {
      String field = token.field();
      String value = token.text();
      if (field.equals("title")) {
        addPart(new QueryPart(value, token.quoted() || value.contains(" "), true), token.negated());
        return;
      }
      lastWasPositivePart = false;
      joinNext = false;
      if (token.negated()) {
        notices.add("-" + field + ": is not supported; \"" + value + "\" was searched as plain words");
        addWords(value);
        return;
      }
      switch (field) {
        case "source" -> sources.add(value.toLowerCase(Locale.ROOT));
        case "tag" -> tags.add(value.toLowerCase(Locale.ROOT));
        default -> addDate(field, value);
      }
    }

    void addDate(String field, String value) {
      Period period = Period.parse(value);
      if (period == null) {
        notices.add(
            field + ":" + value + " is not a date (use YYYY-MM-DD, YYYY-MM or YYYY); it was searched as plain words");
        addWords(value);
        return;
      }
      switch (field) {
        case "after" -> from = later(from, period.end());
        case "before" -> until = earlier(until, period.start());
        case "during" -> {
          from = later(from, period.start());
          until = earlier(until, period.end());
        }
        default -> throw new IllegalStateException("not a date field: " + field);
      }
    }

    void addWords(String text) {
      for (String word : text.split("\\s+")) {
        if (!word.isBlank()) {
          addPart(QueryPart.word(word), false);
        }
      }
    }

    ParsedQuery build() {
      List<QueryPart.Group> required = groups.stream().map(QueryPart.Group::new).toList();
      return new ParsedQuery(required, excluded, sources, tags, from, until, notices);
    }

    private static Instant later(Instant a, Instant b) {
      return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
      return a == null || b.isBefore(a) ? b : a;
    }
  }

  /** A day, month or year, as a half-open range of instants in UTC. */
  record Period(Instant start, Instant end) {
    static Period parse(String value) {
      try {
        if (DAY.matcher(value).matches()) {
          LocalDate day = LocalDate.parse(value);
          return new Period(startOf(day), startOf(day.plusDays(1)));
        }
        if (MONTH.matcher(value).matches()) {
          YearMonth month = YearMonth.parse(value);
          return new Period(startOf(month.atDay(1)), startOf(month.plusMonths(1).atDay(1)));
        }
        if (YEAR.matcher(value).matches()) {
          LocalDate first = LocalDate.of(Integer.parseInt(value), 1, 1);
          return new Period(startOf(first), startOf(first.plusYears(1)));
        }
      } catch (DateTimeException e) {
        return null;
      }
      return null;
    }

    private static Instant startOf(LocalDate day) {
      return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }
}
