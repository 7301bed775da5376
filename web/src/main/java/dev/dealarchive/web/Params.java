package dev.dealarchive.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parameters of a query string or a form body, decoded as UTF-8; a name may repeat. */
final class Params {
  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /** Parses {@code a=1&b=2} (raw, still percent-encoded); null or empty gives no parameters. */
  static Params parse(String raw) throws BadRequest {
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      }
    }
    return new Params(values);
  }

  private static String decode(String text) throws BadRequest {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw BadRequest.badParameter("the query string is not valid percent-encoding: " + e.getMessage());
    }
  }

  /** The first value of {@code name}, stripped, or {@code fallback} when absent or blank. */
  String get(String name, String fallback) {
    List<String> all = values.get(name);
    if (all == null || all.isEmpty() || all.get(0).isBlank()) {
      return fallback;
    }
    return all.get(0).strip();
  }

  /** Every non-blank value of {@code name}, stripped. */
  List<String> all(String name) {
    return values.getOrDefault(name, List.of()).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
  }

  /** An integer parameter within {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) throws BadRequest {
    String text = get(name, null);
    if (text == null) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw BadRequest.badParameter(name + " must be a whole number, not \"" + abbreviate(text) + "\"");
    }
    if (value < min || value > max) {
      throw BadRequest.badParameter(name + " must be between " + min + " and " + max + ", not " + value);
    }
    return value;
  }

  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
