package dev.dealarchive.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads article fields from a JSON object or a YAML front matter mapping, both seen as Jackson trees, accepting the
 * aliases each field is known by.
 */
final class RecordFields {
  private final JsonNode record;

  RecordFields(JsonNode record) {
    this.record = record;
  }

  /** The first of {@code names} holding a scalar, as text (numbers and booleans included), or null. */
  String text(String... names) {
    for (String name : names) {
      JsonNode value = record.get(name);
      if (value != null && value.isValueNode() && !value.isNull() && !value.isPojo()) {
        return value.asText();
      }
    }
    return null;
  }

  /**
   * The first of {@code names} that is present, as a list: an array gives its scalar elements, a single scalar gives
   * itself, or its comma-separated parts when {@code splitCommas}.
   */
  List<String> list(boolean splitCommas, String... names) {
    for (String name : names) {
      JsonNode value = record.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      List<String> items = new ArrayList<>();
      if (value.isArray()) {
        for (JsonNode element : value) {
          if (element.isValueNode() && !element.isNull()) {
            items.add(element.asText());
          }
        }
      } else if (value.isValueNode()) {
        items.addAll(splitCommas ? List.of(value.asText().split(",")) : List.of(value.asText()));
      }
      return items;
    }
    return List.of();
  }

  /**
   * The first of {@code names} that is present, as an instant. YAML parsers may hand over a date object instead of
   * text, so both are accepted.
   *
   * @param warnings receives a warning when the value is present but not a date
   * @return the instant, or null when absent or unparseable
   */
  Instant instant(Consumer<String> warnings, String... names) {
    for (String name : names) {
      JsonNode value = record.get(name);
      if (value == null || value.isNull()) {
        continue;
      }
      Object pojo = value instanceof POJONode pojoNode ? pojoNode.getPojo() : null;
      if (pojo instanceof Date date) {
        return date.toInstant();
      }
      // java.time values print as ISO-8601, which Dates reads.
      String raw = pojo != null ? pojo.toString() : value.isValueNode() ? value.asText() : value.toString();
      Instant parsed = Dates.parse(raw).orElse(null);
      if (parsed == null) {
        warnings.accept(Dates.unparseableWarning(raw));
      }
      return parsed;
    }
    return null;
  }
}
